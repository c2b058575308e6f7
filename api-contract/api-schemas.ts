import { requestSchemas } from './request-schemas';
import { responseSchemas } from './response-schemas';
import { paymentResponseSchemas } from './payment-response-schemas';
import { reportResponseSchemas } from './report-response-schemas';
import { loanSchemas } from './loan-schemas';

/** Every schema of the HTTP contract by name: the OpenAPI document's components. */
export const apiSchemas = {
  ...requestSchemas,
  ...responseSchemas,
  ...paymentResponseSchemas,
  ...reportResponseSchemas,
  ...loanSchemas,
} as const;

export type ApiSchemaName = keyof typeof apiSchemas;
