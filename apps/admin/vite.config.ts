import { bundleBudget } from '@tally/vite-config';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the ledger service at /admin/ in production; in development Vite
// proxies the API to a service started with `pnpm start` on port 3000.
export default defineConfig({
  base: '/admin/',
  plugins: [react(), bundleBudget({ app: 'admin', firstPageKb: 350 })],
  server: {
    // Everything the service answers outside the app: the API, downloads, printable pages.
    proxy: Object.fromEntries(
      ['/trpc', '/exports', '/reports', '/certificates', '/verify'].map((path) => [
        path,
        'http://localhost:3000',
      ]),
    ),
  },
  build: { outDir: 'dist', sourcemap: false },
});
