// Node build of the embed's server-side renderer (`npm run build:web`, after web/vite.config.mts) into
// web/dist/embed-ssr/render-embed-form.cjs: CommonJS with every dependency bundled (React's server renderer,
// react-jsonschema-form), so the API loads it with a plain `require` under tsx and under jest alike.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { sharedOptions } from './vite-shared-options.mjs';

const webDir = dirname(fileURLToPath(import.meta.url));
const embedDir = resolve(webDir, 'embed');

export default defineConfig({
  root: embedDir,
  publicDir: false,
  logLevel: 'warn',
  ...sharedOptions,
  ssr: { noExternal: true, target: 'node' },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    ssr: resolve(embedDir, 'ssr', 'render-embed-form.tsx'),
    outDir: resolve(webDir, 'dist', 'embed-ssr'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
      output: {
        format: 'cjs',
        entryFileNames: '[name].cjs',
        chunkFileNames: '[name]-[hash].cjs',
        codeSplitting: false,
      },
    },
  },
});
