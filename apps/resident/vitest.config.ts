import { baseTestConfig } from '@tally/vitest-config';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Component tests: happy-dom, beside the code in src/.
export default defineConfig({
  ...baseTestConfig,
  plugins: [react()],
  test: {
    ...baseTestConfig.test,
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
  },
});
