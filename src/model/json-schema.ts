/** The file format as JSON Schema, for editors that check files as people write them. */
import { z } from 'zod';
import { GraphDocumentSchema, ScenariosFileSchema } from './schema.ts';

export const SCHEMA_BASE = 'https://chokepoint.invalid/schema';

export function graphJsonSchema(): object {
  return { $id: `${SCHEMA_BASE}/chokepoint-graph.schema.json`, ...z.toJSONSchema(GraphDocumentSchema, { io: 'input', unrepresentable: 'any' }) };
}

export function scenariosJsonSchema(): object {
  return {
    $id: `${SCHEMA_BASE}/chokepoint-scenarios.schema.json`,
    title: 'Chokepoint scenarios file, version 1',
    ...z.toJSONSchema(ScenariosFileSchema, { io: 'input', unrepresentable: 'any' }),
  };
}

export const JSON_SCHEMAS = {
  'chokepoint-graph.schema.json': graphJsonSchema,
  'chokepoint-scenarios.schema.json': scenariosJsonSchema,
} as const;

export const schemaText = (make: () => object) => JSON.stringify(make(), null, 2) + '\n';
