import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appRouter } from '../router';
import { apiReference } from './api-reference';

describe('the API reference', () => {
  it('is current: docs/api.md matches the router (run `pnpm --filter @tally/ledger docs:api`)', () => {
    const committed = readFileSync(
      fileURLToPath(new URL('../../../../docs/api.md', import.meta.url)),
      'utf8',
    );
    expect(committed).toBe(apiReference());
  });

  it('documents every procedure with who may call it', () => {
    const procedures = (appRouter._def as unknown as { procedures: Record<string, unknown> })
      .procedures;
    const reference = apiReference();
    for (const path of Object.keys(procedures)) {
      expect(reference).toContain(`| \`${path}\` |`);
    }
    expect(reference).not.toMatch(/\| (query|mutation) \| — \|/);
  });
});
