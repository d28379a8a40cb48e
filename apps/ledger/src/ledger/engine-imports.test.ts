import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The ledger engine (posting, reversing, accounts, verifying, checkpoints) stands on its own:
// features build on it, never the other way round. Tests may reach out to set things up.
const engine = dirname(fileURLToPath(import.meta.url));

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the ledger engine', () => {
  it('imports no feature folder of the service', () => {
    const outside: string[] = [];
    for (const file of sources(engine)) {
      const text = readFileSync(file, 'utf8');
      for (const [, target = ''] of text.matchAll(/from '(\.{1,2}\/[^']*)'/g)) {
        const path = relative(engine, resolve(dirname(file), target));
        if (path.startsWith('..')) outside.push(`${relative(engine, file)} → ${target}`);
      }
    }
    expect(outside).toEqual([]);
  });
});
