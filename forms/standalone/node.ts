// The build-time surface of forms/standalone/ (Node): generating, writing and bundling precompiled validators, plus
// everything in ./index.ts.
export * from './index';
export {
  allowedRuntimeModules,
  compileStandaloneValidator,
  type StandaloneValidatorSource,
} from './compile-standalone-validator';
export { buildStandaloneValidators, type BuiltStandaloneValidator } from './build-standalone-validators';
export { bundleForBrowser, type BrowserBundle } from './bundle-for-browser';
