// Reads a file from tests/fixtures/import as text, the way the worker would see it (BOM kept, so the parser must drop it).
import { readFileSync } from 'node:fs';

export const readFixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url), 'utf8');
