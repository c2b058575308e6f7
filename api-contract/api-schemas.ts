import { requestSchemas } from './request-schemas';
import { responseSchemas } from './response-schemas';
import { paymentResponseSchemas } from './payment-response-schemas';

/** Every schema of the HTTP contract by name: the OpenAPI document's components. */
export const apiSchemas = { ...requestSchemas, ...responseSchemas, ...paymentResponseSchemas } as const;

export type ApiSchemaName = keyof typeof apiSchemas;
