/**
 * The HTTP contract shared by the API and the web app: the JSON Schemas of request and response bodies (the
 * OpenAPI components) and the response types derived from them. Browser-safe: plain data and types, importing
 * only domain/.
 */
export { apiSchemas, type ApiSchemaName } from './api-schemas';
export { requestSchemas } from './request-schemas';
export { responseSchemas } from './response-schemas';
export type * from './api-types';
export type { DomainAgreement } from './domain-agreement';
