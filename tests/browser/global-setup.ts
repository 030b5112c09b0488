// Serves the built app (dist/) on 127.0.0.1 for the browser tests, after checking Chromium exists.
import fs from 'node:fs';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from '../../scripts/lib/chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  chromiumPath(); // fails the whole run with one clear line when no browser is installed
  if (!fs.existsSync('dist/index.html'))
    throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
  const server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server did not report a URL');
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
  };
}
