// Builds the widgets harness page for test/browser/widgets.test.ts into $HOSO_HARNESS_OUT (served at /__harness/).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: '/__harness/',
  publicDir: false,
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  resolve: { alias: { 'markdown-to-jsx/react': join(here, '../../../web/shared/lib/plain-markdown.tsx') } },
  build: {
    outDir: process.env.HOSO_HARNESS_OUT,
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    modulePreload: false,
    rolldownOptions: {
      input: join(here, 'index.html'),
      onLog(level, log, handler) {
        if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
      },
    },
  },
});
