import type { Request } from 'express';

/**
 * The query and path parameters of a request as createParameterValidator checked them: declared ones only, integers
 * and booleans as numbers and booleans, defaults filled in. Handlers read their parameters here, never from
 * `req.query`, so an undeclared or unchecked parameter cannot reach them.
 */
export interface CheckedParameters {
  query: Record<string, unknown>;
  path: Record<string, unknown>;
}

const PARAMETERS = Symbol('checkedParameters');

export function setCheckedParameters(req: Request, parameters: CheckedParameters): void {
  (req as unknown as Record<symbol, CheckedParameters>)[PARAMETERS] = parameters;
}

/**
 * The checked parameters, typed by the caller from the route's declaration. Throws when the request did not go
 * through createParameterValidator: a router mounted outside createApp, a programming error.
 */
export function checkedParameters<Q = Record<string, unknown>, P = Record<string, unknown>>(
  req: Request,
): { query: Partial<Q>; path: P } {
  const parameters = (req as unknown as Record<symbol, CheckedParameters | undefined>)[PARAMETERS];
  if (!parameters) throw new Error(`${req.method} ${req.path}: parameters were not checked (createParameterValidator)`);
  return parameters as unknown as { query: Partial<Q>; path: P };
}
