#!/usr/bin/env tsx
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiReference } from '../docs/api-reference';

const target = fileURLToPath(new URL('../../../../docs/api.md', import.meta.url));
writeFileSync(target, apiReference());
console.log(`Wrote ${target}`);
