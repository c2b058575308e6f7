import { requestSchemas } from './request-schemas';
import { responseSchemas } from './response-schemas';

/** Every schema of the HTTP contract by name: the OpenAPI document's components. */
export const apiSchemas = { ...requestSchemas, ...responseSchemas } as const;

export type ApiSchemaName = keyof typeof apiSchemas;
