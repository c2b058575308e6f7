// Build time only (Node or a build tool): compiling a schema runs ajv's code generator, which uses `new Function`.
// What it returns is the source of a module that needs neither `eval` nor `new Function` when it runs.
import standaloneCode from 'ajv/dist/standalone';
import { createAjv } from '../create-ajv';
import type { FormDefinition } from '../form-definition';
import { FormDefinitionError } from '../form-definition-error';
import { formRef } from '../form-ref';

/**
 * The modules generated code may import, all browser-safe plain functions and regular expressions:
 * - `ajv/dist/runtime/<helper>`: ajv's runtime helpers (`ucs2length` for `minLength`/`maxLength`, `equal` for
 *   `const`/`enum` of objects and `uniqueItems`, `uri`, ...);
 * - `ajv-formats/dist/formats`: the implementations of the standard formats that are functions, not regular
 *   expressions (`date` checks the calendar, `date-time`, `uri`). The project's own formats are inlined.
 *
 * All of them are CommonJS compiled by TypeScript (they set `__esModule`), which the interop in {@link runtimePrelude}
 * relies on; a unit test keeps that true. Anything else is refused at build time rather than shipped unchecked.
 */
export const allowedRuntimeModules: readonly RegExp[] = [
  /^ajv\/dist\/runtime\/[a-z0-9_]+(?:\.js)?$/,
  /^ajv-formats\/dist\/formats(?:\.js)?$/,
];

/** A generated validator module, ready to be written to `<ref>.mjs` and bundled for the browser. */
export interface StandaloneValidatorSource {
  /** `key@version` of the form it validates. */
  ref: string;
  /** ES module source: `export const formRef`, `export const validate`, `export default validate`. */
  source: string;
  /** The modules it imports, as written in the import (see {@link allowedRuntimeModules}), for the build report. */
  runtimeImports: string[];
}

/**
 * Rewrites the bundler-independent `import * as` of each runtime module back into what ajv's code expects from
 * `require(spec)`: the CommonJS `module.exports`. Node's ESM loader (and esbuild for `.mjs` importers) put
 * `module.exports` at `default`; Babel-style interop (esbuild for `.js`, Rollup/Vite) mirrors the exports themselves
 * on the namespace, `default` being `exports.default`. A module with `__esModule` tells the two apart.
 */
const runtimePrelude = 'const __cjs = (ns) => (ns.default != null && ns.default.__esModule ? ns.default : ns);';

/**
 * Generates the standalone (precompiled) validator of one form version with the shared set-up
 * (`createAjv({ code: { source: true, esm: true } })`), so the browser and the server run code generated from the
 * same schema by the same ajv configuration.
 *
 * ajv's ESM output still reaches its runtime helpers with `require(...)`, which a browser cannot run and which
 * Vite/Rollup leave alone in an ES module. Each `require("<spec>")` is rewritten to a static
 * `import * as … from "<spec>.js"` plus a small CommonJS interop, so the module is plain ESM that esbuild, Vite and
 * Node all resolve and load the same way.
 *
 * Errors: throws {@link FormDefinitionError} (`schema-compile`) for a schema that does not compile, `FormRefError` for
 * a malformed key or version, and `Error` if the generated code imports a module outside
 * {@link allowedRuntimeModules} (a new keyword or format in the set-up whose runtime has not been checked for the
 * browser) or still contains a `require`. All are build-time errors; nothing is written for that form.
 */
export function compileStandaloneValidator(form: FormDefinition): StandaloneValidatorSource {
  const ref = formRef(form.key, form.version);
  const ajv = createAjv({ code: { source: true, esm: true } });
  let code: string;
  try {
    code = standaloneCode(ajv, ajv.compile(form.schema));
  } catch (cause) {
    throw new FormDefinitionError(
      [
        {
          code: 'schema-compile',
          path: '/schema',
          message: `the schema does not compile: ${(cause as Error).message}`,
        },
      ],
      `Form ${ref} cannot be precompiled`,
      { cause },
    );
  }

  const runtimeImports: string[] = [];
  const body = code.replace(/\brequire\("([^"]+)"\)/g, (_call, spec: string) => {
    if (!allowedRuntimeModules.some((allowed) => allowed.test(spec))) {
      throw new Error(
        `Form ${ref}: the precompiled validator requires "${spec}", which is not a known browser-safe ajv runtime module`,
      );
    }
    // With the file extension: neither package has an `exports` map, so Node's ESM resolver needs the file name
    // (bundlers accept both).
    const file = spec.endsWith('.js') ? spec : `${spec}.js`;
    let index = runtimeImports.indexOf(file);
    if (index < 0) index = runtimeImports.push(file) - 1;
    return `__cjs(__runtime${index})`;
  });
  if (/\brequire\s*\(\s*['"`]/.test(body)) {
    throw new Error(
      `Form ${ref}: the precompiled validator still contains a require() call that could not be rewritten`,
    );
  }

  const header = [
    `// Generated from form ${ref} by forms/standalone/compile-standalone-validator.ts. Do not edit: rebuild instead.`,
    ...runtimeImports.map((spec, i) => `import * as __runtime${i} from ${JSON.stringify(spec)};`),
    ...(runtimeImports.length > 0 ? [runtimePrelude] : []),
    `export const formRef = ${JSON.stringify(ref)};`,
  ];
  // ajv's output starts with a "use strict" directive, which means nothing in an ES module (always strict) and
  // would be a plain expression statement after the imports.
  const source = `${header.join('\n')}\n${body.replace(/^"use strict";/, '')}\n`;
  return { ref, source, runtimeImports };
}
