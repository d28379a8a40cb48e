/**
 * A phone's session as a person names it ("Chrome · Android", "WeChat · iPhone"), from the
 * browser's user agent the service recorded; anything unrecognised is shown as it came, cut short.
 */
export function deviceName(userAgent: string): string {
  const ua = userAgent.trim();
  if (!ua) return '';
  const browsers: [RegExp, string][] = [
    [/MicroMessenger/i, 'WeChat'],
    [/EdgA?\//, 'Edge'],
    [/Firefox\/|FxiOS/, 'Firefox'],
    [/CriOS|Chrome\//, 'Chrome'],
    [/Safari\//, 'Safari'],
  ];
  const systems: [RegExp, string][] = [
    [/iPhone/, 'iPhone'],
    [/iPad/, 'iPad'],
    [/Android/, 'Android'],
    [/Windows/, 'Windows'],
    [/Mac OS X|Macintosh/, 'Mac'],
    [/HarmonyOS/, 'HarmonyOS'],
    [/Linux/, 'Linux'],
  ];
  const browser = browsers.find(([pattern]) => pattern.test(ua))?.[1];
  const system = systems.find(([pattern]) => pattern.test(ua))?.[1];
  if (!browser && !system) return ua.length > 40 ? `${ua.slice(0, 40)}…` : ua;
  return [browser, system].filter(Boolean).join(' · ');
}
