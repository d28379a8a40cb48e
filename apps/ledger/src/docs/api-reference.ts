import { errorCatalogue } from '@tally/domain/errors';
import { z } from 'zod';
import { appRouter } from '../router';
import type { ProcedureMeta } from '../trpc';

// Generates docs/api.md from the router itself: every procedure's access,
// summary, input, output and domain errors. A test keeps the file current.

type ProcedureDef = {
  type: 'query' | 'mutation' | 'subscription';
  meta?: ProcedureMeta;
  inputs: z.ZodType[];
  output?: z.ZodType;
};

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  format?: string;
  additionalProperties?: JsonSchema | boolean;
};

/** A compact TypeScript-like rendering of a JSON schema, good enough to call the API by hand. */
function describe(schema: JsonSchema | undefined, depth = 0): string {
  if (!schema) return 'unknown';
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (schema.anyOf) return schema.anyOf.map((s) => describe(s, depth)).join(' | ');
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : schema.type;
  if (type === 'array') return `${describe(schema.items, depth)}[]`;
  if (type === 'object' && schema.properties) {
    if (depth > 3) return 'object';
    const required = new Set(schema.required ?? []);
    const fields = Object.entries(schema.properties).map(
      ([key, value]) => `${key}${required.has(key) ? '' : '?'}: ${describe(value, depth + 1)}`,
    );
    return `{ ${fields.join(', ')} }`;
  }
  if (type === 'object' && typeof schema.additionalProperties === 'object') {
    return `Record<string, ${describe(schema.additionalProperties, depth + 1)}>`;
  }
  if (type === 'string' && schema.format) return `string (${schema.format})`;
  if (type === 'integer') return 'integer';
  return type ?? 'unknown';
}

function render(schema: z.ZodType | undefined, io: 'input' | 'output'): string {
  if (!schema) return '—';
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return `\`${describe(json).replaceAll('|', '\\|')}\``;
}

export function apiReference(): string {
  const procedures = (
    appRouter._def as unknown as { procedures: Record<string, { _def: ProcedureDef }> }
  ).procedures;
  const byArea = new Map<string, string[]>();
  for (const [path, procedure] of Object.entries(procedures).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    const def = procedure._def;
    const area = path.split('.')[0] ?? path;
    const input = def.inputs.length > 0 ? render(def.inputs[0], 'input') : '—';
    const errors = (def.meta?.errors ?? []).map((code) => `\`${code}\``).join(', ') || '—';
    const rows = byArea.get(area) ?? [];
    rows.push(
      `| \`${path}\` | ${def.type} | ${def.meta?.access ?? '—'} | ${def.meta?.summary ?? ''} | ${input} | ${render(def.output, 'output')} | ${errors} |`,
    );
    byArea.set(area, rows);
  }
  const sections = [...byArea.entries()].map(
    ([area, rows]) =>
      `## ${area}\n\n| procedure | type | who may call | what it does | input | output | domain errors |\n| --- | --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`,
  );
  const codes = Object.entries(errorCatalogue)
    .map(([code, { kind, message }]) => `| \`${code}\` | ${kind} | ${message} |`)
    .join('\n');
  return `# Tally API reference

Generated from the router by \`pnpm --filter @tally/ledger docs:api\`; do not edit by hand.

The API is tRPC over HTTP with plain JSON (no transformer), so any HTTP client can call it:
- a **query** is \`GET /trpc/<procedure>?input=<URL-encoded JSON>\`;
- a **mutation** is \`POST /trpc/<procedure>\` with the JSON input as the body (\`content-type: application/json\`);
- the answer is \`{ "result": { "data": … } }\`, or \`{ "error": { "message", "code", "data": { "code", "httpStatus", "domainCode", "details"? } } }\`.

Staff send \`Authorization: Bearer <token from auth.login>\`; a kiosk sends \`Authorization: Bearer <device token>\` and, once a resident is identified, \`x-resident-token: <residentToken>\`. Dates are ISO-8601 strings; amounts are integers (minutes, points). Every write takes an \`idempotencyKey\`: repeating a request with the same key returns the first answer and changes nothing; the same key with a different request is refused with \`IDEMPOTENCY_CONFLICT\`. Every input is validated; a failure answers \`BAD_REQUEST\` with domain code \`VALIDATION_FAILED\` naming each field and rule, and writes nothing. Any procedure can also answer \`UNAUTHORIZED\`, \`FORBIDDEN\` and \`VALIDATION_FAILED\`.

${sections.join('\n')}
## Domain error codes

| code | HTTP kind | message |
| --- | --- | --- |
${codes}
`;
}
