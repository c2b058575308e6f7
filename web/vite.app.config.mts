// Build of the officer web app (`npm run build:web`, after the embed) into web/dist/app/, served by the API at `/`
// (api/web/create-web-app-router.ts):
//
//   index.html                      the single page; served for every app route, revalidated each time
//   assets/*-[hash].js|css          the app and its chunks (React, react-jsonschema-form)
//   validators/<key>@<v>-[hash].js  one precompiled validator per form version, loaded by dynamic import
//
// Everything but index.html is content-hashed, so the API serves it with a year-long cache. The embed's own build
// (web/vite.config.mts) is separate and unchanged: its bundle must stay small for portals.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { generatedValidators, sharedOptions } from './vite-shared-options.mjs';

const webDir = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: resolve(webDir, 'app'),
  base: '/',
  publicDir: false,
  logLevel: 'warn',
  ...sharedOptions,
  build: {
    outDir: resolve(webDir, 'dist', 'app'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return; // RJSF's 'use client' hints
        handler(level, log);
      },
      output: {
        entryFileNames: 'assets/[name]-[hash].js',
        chunkFileNames: (chunk) =>
          chunk.facadeModuleId?.startsWith(generatedValidators)
            ? 'validators/[name]-[hash].js'
            : 'assets/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
});
