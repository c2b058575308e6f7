// Test helper (not a test): runs a generated validator module the way a page with a strict CSP would — bundled for
// the browser by esbuild, evaluated in a fresh V8 realm where `eval` and `new Function` throw (as under a
// Content-Security-Policy without 'unsafe-eval'), with no `require`, `process` or other Node globals.
import vm from 'node:vm';
import type { PrecompiledValidateFunction } from '../../../forms/standalone';
import { bundleForBrowser } from '../../../forms/standalone/node';

export interface StrictRealm {
  context: vm.Context;
  /** The module's exports inside the realm. */
  exports: { formRef: string };
  /**
   * The module's validate function, seen from this realm. The submission goes in as JSON (as it would reach a page
   * or the API) and ajv's raw errors come back as JSON, so no object crosses realms.
   */
  validate: PrecompiledValidateFunction;
  bundleBytes: number;
}

export async function loadInStrictRealm(moduleSource: string, sourcefile = 'validator.mjs'): Promise<StrictRealm> {
  const bundle = await bundleForBrowser(moduleSource, { format: 'iife', globalName: '__validatorModule', sourcefile });
  const context = vm.createContext({}, { codeGeneration: { strings: false, wasm: false } });
  vm.runInContext(bundle.code, context, { filename: sourcefile });
  const run = vm.runInContext(
    `(json) => {
      const validate = __validatorModule.validate;
      const valid = validate(JSON.parse(json));
      return JSON.stringify({ valid, errors: validate.errors ?? null });
    }`,
    context,
  ) as (json: string) => string;

  const validate = Object.assign(
    (data: unknown): boolean => {
      const result = JSON.parse(run(JSON.stringify(data))) as {
        valid: boolean;
        errors: PrecompiledValidateFunction['errors'];
      };
      validate.errors = result.errors;
      return result.valid;
    },
    { errors: null as PrecompiledValidateFunction['errors'] },
  );
  return {
    context,
    exports: JSON.parse(vm.runInContext('JSON.stringify({ formRef: __validatorModule.formRef })', context)),
    validate,
    bundleBytes: bundle.bytes,
  };
}
