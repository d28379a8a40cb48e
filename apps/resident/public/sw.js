// Tally's resident app offline: the app shell (index.html, its scripts and styles, the icons)
// comes from this cache when the network is down, and the app then shows its own "No connection"
// screen. API answers (/trpc) are never cached: a balance from last week would be a lie.
const CACHE = 'tally-me-v1';
const SCOPE = '/me/';
const SHELL = [
  SCOPE,
  `${SCOPE}manifest.webmanifest`,
  `${SCOPE}icons/icon.svg`,
  `${SCOPE}icons/icon-192.png`,
];

// Shown only when not even the shell is cached (the first visit never finished).
const OFFLINE_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>没有网络连接 · No connection</title>
<style>body{margin:0;padding:2rem 1.5rem;font:18px/1.5 system-ui,sans-serif;background:#f6f4ef;color:#1c2127}
h1{font-size:1.5rem}p{margin:0 0 1.5rem}</style></head><body>
<h1>没有网络连接</h1><p>请检查 Wi-Fi 或移动数据，然后再试一次。</p>
<h1 lang="en">No connection</h1><p lang="en">Check your Wi-Fi or mobile data and try again.</p>
</body></html>`;

/** The scripts and stylesheets index.html loads: their names change with every build. */
function assetsOf(html) {
  return [...html.matchAll(/(?:src|href)="(\/me\/assets\/[^"]+)"/g)].map((match) => match[1]);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(SHELL);
      const index = await cache.match(SCOPE);
      if (index) await cache.addAll(assetsOf(await index.text()));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

async function fromNetworkThenShell(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) {
      // Every page of the app is the same index.html; keep the newest, and its assets.
      await cache.put(SCOPE, response.clone());
      const html = await response.clone().text();
      await cache.addAll(assetsOf(html)).catch(() => undefined);
    }
    return response;
  } catch {
    const shell = await cache.match(SCOPE);
    return (
      shell ??
      new Response(OFFLINE_PAGE, { headers: { 'content-type': 'text/html; charset=utf-8' } })
    );
  }
}

async function fromCacheThenNetwork(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (!url.pathname.startsWith(SCOPE)) return; // /trpc and everything else: straight to the network
  if (request.mode === 'navigate') {
    event.respondWith(fromNetworkThenShell(request));
    return;
  }
  event.respondWith(fromCacheThenNetwork(request));
});
