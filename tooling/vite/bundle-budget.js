import { gzipSync } from 'node:zlib';

/**
 * What a browser downloads before the first screen shows: the entry chunk and every chunk it
 * imports statically (chunks loaded on demand are not counted), gzipped as the service sends
 * them. The build prints the figure and fails past the budget, so a heavy library cannot slip in.
 *
 * @param {{ app: string, firstPageKb: number, allKb?: number }} options
 * @returns {import('vite').Plugin}
 */
export function bundleBudget({ app, firstPageKb, allKb }) {
  return {
    name: 'tally-bundle-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
      const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const gzipped = (chunk) => gzipSync(chunk.code, { level: 9 }).byteLength / 1024;
      const firstPage = new Set();
      const visit = (fileName) => {
        if (firstPage.has(fileName)) return;
        const chunk = byName.get(fileName);
        if (!chunk) return;
        firstPage.add(fileName);
        for (const imported of chunk.imports) visit(imported);
      };
      for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName);
      const first = [...firstPage].reduce((sum, name) => sum + gzipped(byName.get(name)), 0);
      const all = chunks.reduce((sum, chunk) => sum + gzipped(chunk), 0);
      const line = `${app}: first page ${first.toFixed(1)} KB of gzipped JavaScript (budget ${firstPageKb} KB); all JavaScript ${all.toFixed(1)} KB${allKb ? ` (budget ${allKb} KB)` : ''}`;
      this.info(line);
      console.log(`\n  ${line}\n`);
      if (first > firstPageKb) this.error(`${app}: the first page is over its budget. ${line}`);
      if (allKb && all > allKb) this.error(`${app}: the JavaScript is over its budget. ${line}`);
    },
  };
}
