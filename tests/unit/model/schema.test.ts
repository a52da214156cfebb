import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMAS, schemaText } from '../../../src/model/json-schema.ts';
import { CHOKEPOINT_VERSION } from '../../../src/version.ts';
import { repoPath } from '../../helpers/load.ts';

describe('the published JSON Schema', () => {
  for (const [name, make] of Object.entries(JSON_SCHEMAS)) {
    it(`public/schema/${name} matches the zod schemas (run "npm run schema" after changing them)`, () => {
      expect(readFileSync(repoPath(`public/schema/${name}`), 'utf8')).toBe(schemaText(make));
    });
  }
});

describe('the version', () => {
  it('is the package version', () => {
    expect(CHOKEPOINT_VERSION).toBe(JSON.parse(readFileSync(repoPath('package.json'), 'utf8')).version);
  });
});
