// Small file helpers for build scripts: read JSON, write it deterministically.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

/** Reads a JSON file shipped inside an npm package, e.g. `world-atlas/countries-10m.json`. */
export function readPackageJson<T>(specifier: string): T {
  return readJson<T>(require.resolve(specifier));
}

/** Writes compact JSON; returns the byte size so the build can report it. */
export function writeJson(file: string, value: unknown): number {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const text = JSON.stringify(value);
  fs.writeFileSync(file, text);
  return Buffer.byteLength(text);
}

/** Fails the build with a message that names the file, the record and the field. */
export class DataError extends Error {
  constructor(file: string, record: string, field: string, message: string) {
    super(`${file}: ${record}.${field}: ${message}`);
  }
}
