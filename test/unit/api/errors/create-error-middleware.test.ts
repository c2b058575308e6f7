import type { Request, Response } from 'express';
import { createErrorMiddleware } from '../../../../api/errors/create-error-middleware';
import { DomainError, ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from '../../../../api/errors';

/** Runs the middleware on `error`; answers the status sent and the refusals it reported. */
function answer(error: unknown) {
  const refusals: { status: number; code: string }[] = [];
  const middleware = createErrorMiddleware(
    { error: () => undefined },
    { onRefused: (_req, refusal) => refusals.push(refusal) },
  );
  const sent: { status?: number } = {};
  const res = {
    set: () => res,
    status: (s: number) => {
      sent.status = s;
      return res;
    },
    json: () => res,
  } as unknown as Response;
  const req = { get: () => undefined, method: 'GET', path: '/x' } as unknown as Request;
  middleware(error, req, res, () => undefined);
  return { status: sent.status, refusals };
}

describe('the error middleware reporting refusals', () => {
  it.each([
    [new UnauthorizedError(), 401, 'unauthorized'],
    [new ForbiddenError('no'), 403, 'forbidden'],
    [new DomainError(429, 'rate_limited', { vi: 'chậm lại', en: 'slow down' }), 429, 'rate_limited'],
  ])('reports a %s refusal and still answers it', (error, status, code) => {
    expect(answer(error)).toEqual({ status, refusals: [{ status, code }] });
  });

  it.each([
    [new NotFoundError('x'), 404],
    [new ValidationError([]), 422],
    [new Error('boom'), 500],
  ])('does not report %s, which is not a refusal of the caller', (error, status) => {
    expect(answer(error)).toEqual({ status, refusals: [] });
  });
});
