import type { Plugin } from 'vite';

/** Prints what the first page loads (gzipped JavaScript) and fails the build past `firstPageKb`. */
export function bundleBudget(options: { app: string; firstPageKb: number; allKb?: number }): Plugin;
