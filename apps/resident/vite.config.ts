import { bundleBudget } from '@tally/vite-config';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the ledger service at /me/ in production; in development Vite proxies the API to a
// service started with `pnpm start` on port 3000.
export default defineConfig({
  base: '/me/',
  plugins: [react(), bundleBudget({ app: 'resident', firstPageKb: 150, allKb: 150 })],
  server: { proxy: { '/trpc': 'http://localhost:3000' } },
  build: {
    outDir: 'dist',
    sourcemap: false,
    // As in the kiosk: the domain modules build zod schemas at the top level, and a bundler
    // cannot know z.object() is pure; calls on `z` are pure here, so unused schemas drop out.
    rolldownOptions: { treeshake: { manualPureFunctions: ['z'] } },
  },
});
