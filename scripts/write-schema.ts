/** Writes the JSON Schemas of the file format into public/schema/ (npm run schema). */
import { writeFileSync } from 'node:fs';
import { JSON_SCHEMAS, schemaText } from '../src/model/json-schema.ts';

for (const [name, make] of Object.entries(JSON_SCHEMAS)) {
  const path = new URL(`../public/schema/${name}`, import.meta.url);
  writeFileSync(path, schemaText(make));
  console.log(`wrote public/schema/${name}`);
}
