// Builds the widgets harness page for test/browser/widgets.test.ts into $HOSO_HARNESS_OUT (served at /__harness/).
// With $HOSO_HARNESS_VALIDATOR (a precompiled validator module), the amounts page for amounts-agree.test.ts instead.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const validator = process.env.HOSO_HARNESS_VALIDATOR;

export default defineConfig({
  root: here,
  base: '/__harness/',
  publicDir: false,
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  resolve: {
    alias: {
      'markdown-to-jsx/react': join(here, '../../../web/shared/lib/plain-markdown.tsx'),
      ...(validator ? { 'hoso:amounts-validator': validator } : {}),
    },
  },
  build: {
    outDir: process.env.HOSO_HARNESS_OUT,
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    modulePreload: false,
    rolldownOptions: {
      input: join(here, validator ? 'amounts.html' : 'index.html'),
      onLog(level, log, handler) {
        if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
      },
    },
  },
});
