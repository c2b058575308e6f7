// What the web builds (web/vite.config.mts: the embed; web/vite.ssr.config.mts: its server renderer;
// web/vite.app.config.mts: the officer app) set the same way.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UserConfig } from 'vite';

const webDir = dirname(fileURLToPath(import.meta.url));

/** Where `npm run forms:build-validators` writes one module per form version (each becomes its own chunk). */
export const generatedValidators = resolve(webDir, 'generated', 'validators');

/**
 * `hoso:validators` → the generated index of precompiled validators; `markdown-to-jsx/react` → a stand-in
 * (react-jsonschema-form imports it, the forms never use it, and it is a tenth of the embed's bundle). JSX with
 * React's automatic runtime.
 */
export const sharedOptions = {
  resolve: {
    alias: {
      'hoso:validators': resolve(generatedValidators, 'index.mjs'),
      'markdown-to-jsx/react': resolve(webDir, 'shared', 'lib', 'plain-markdown.tsx'),
    },
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
} satisfies UserConfig;
