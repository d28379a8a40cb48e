import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the ledger service at /admin/ in production; in development Vite
// proxies the API to a service started with `pnpm start` on port 3000.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  // The CSV exports are plain GETs beside the API.
  server: {
    proxy: { '/trpc': 'http://localhost:3000', '/exports': 'http://localhost:3000' },
  },
  build: { outDir: 'dist', sourcemap: false },
});
