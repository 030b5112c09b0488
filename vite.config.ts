// Vite: a static app served from any base path (relative URLs). `--mode single` builds one
// self-contained HTML file (dist-single/index.html) that works from file:// with no network;
// `--mode bench` builds the app with its bench mode and the bare reference page into dist-bench/.
// The production build (dist/) has neither.
import fs from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { cspPlugin } from './scripts/vite-csp.ts';

/** The single file has no favicon beside it: drop the link rather than request a missing file. */
const dropFavicon: Plugin = {
  name: 'drop-favicon',
  transformIndexHtml: (html) => html.replace(/\s*<link rel="icon"[^>]*>/, ''),
};

/**
 * The served app's "Save as offline map" fetches `offline.html`, the single file, and puts the workspace in it:
 * the single-file build copies its page there when dist/ is built already (`npm test` builds dist/ first). A
 * dist/ built alone has none, and the app says it cannot make an offline map.
 */
const offlineCopy: Plugin = {
  name: 'offline-copy',
  apply: 'build',
  closeBundle() {
    if (fs.existsSync('dist/index.html')) fs.copyFileSync('dist-single/index.html', 'dist/offline.html');
  },
};

export default defineConfig(({ mode }) => {
  const single = mode === 'single';
  const bench = mode === 'bench';
  return {
    base: './',
    publicDir: single ? false : 'public',
    define: single ? { 'import.meta.env.VITE_SINGLE_FILE': JSON.stringify('true') } : {},
    // The CSP plugin must come after viteSingleFile: it hashes the inlined code (see scripts/vite-csp.ts).
    plugins: single ? [viteSingleFile(), dropFavicon, cspPlugin({ single }), offlineCopy] : [cspPlugin({ single })],
    build: {
      target: 'es2022',
      outDir: single ? 'dist-single' : bench ? 'dist-bench' : 'dist',
      sourcemap: !single,
      chunkSizeWarningLimit: 4000,
      // The benchmark's bare reference page is built only for the benchmark.
      ...(bench ? { rollupOptions: { input: { main: 'index.html', bare: 'bench/bare/index.html' } } } : {}),
    },
    server: { host: '127.0.0.1' },
    preview: { host: '127.0.0.1', port: 4173 },
  };
});
