// The Node-only surface of forms/: everything in ./index.ts plus what reads the filesystem.
export * from './index';
export { loadFormDefinitions, shippedDefinitionsDir } from './load-form-definitions';
