import { baseTestConfig } from '@tally/vitest-config';
import { defineConfig } from 'vitest/config';

export default defineConfig(baseTestConfig);
