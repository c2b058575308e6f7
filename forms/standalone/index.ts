// The browser-safe surface of forms/standalone/: what the web app and the embed import next to a generated validator
// module. Building those modules needs Node and ajv's compiler: see ./node.ts.
export {
  createPrecompiledValidator,
  type PrecompiledFormValidator,
  type PrecompiledValidateFunction,
} from './create-precompiled-validator';
