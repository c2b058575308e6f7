// Node-only, build and test time: bundles a generated validator module the way the web build will, with esbuild
// (the bundler Vite itself uses for dependencies; here the copy that tsx brings).
import { build } from 'esbuild';

/** A generated validator module bundled for the browser, its runtime imports included. */
export interface BrowserBundle {
  code: string;
  bytes: number;
}

export interface BundleForBrowserOptions {
  /** `esm` (what a page or Vite chunk loads), or `iife` assigning the module's exports to `globalName`. */
  format: 'esm' | 'iife';
  /** With `format: 'iife'`: the global variable that receives the exports. */
  globalName?: string;
  minify?: boolean;
  /**
   * The file name the source is bundled as. Its extension picks esbuild's CommonJS interop: `.mjs` the Node one
   * (`default` is `module.exports`), `.js` the Babel one; generated modules must work with both.
   */
  sourcefile?: string;
}

/**
 * Bundles the source of a generated validator module (from `compileStandaloneValidator`) for `platform: 'browser'`,
 * resolving its imports (ajv's runtime helpers, ajv-formats) from this project's node_modules. Used by the tests that
 * prove the browser artifact has no `eval`/`new Function` and agrees with the server, and by the forms benchmark.
 *
 * Errors: rejects with esbuild's error (listing unresolved imports or syntax errors) if the module cannot be bundled;
 * esbuild's warnings fail it too, since a warning here means the browser would run something other than the server.
 */
export async function bundleForBrowser(source: string, options: BundleForBrowserOptions): Promise<BrowserBundle> {
  const result = await build({
    stdin: {
      contents: source,
      resolveDir: __dirname, // bare imports resolve from this project's node_modules
      sourcefile: options.sourcefile ?? 'validator.mjs',
      loader: 'js',
    },
    bundle: true,
    write: false,
    platform: 'browser',
    format: options.format,
    ...(options.globalName ? { globalName: options.globalName } : {}),
    minify: options.minify ?? false,
    target: 'es2020',
    logLevel: 'silent',
  });
  if (result.warnings.length > 0) {
    throw new Error(`bundling the validator produced warnings: ${result.warnings.map((w) => w.text).join('; ')}`);
  }
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output');
  return { code: file.text, bytes: file.contents.byteLength };
}
