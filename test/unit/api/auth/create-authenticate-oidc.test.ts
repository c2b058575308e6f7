import type { NextFunction, Request, Response } from 'express';
import { createAuthenticate } from '../../../../api/auth/create-authenticate';
import { authenticatedUser } from '../../../../api/auth/authenticated-user';
import { ForbiddenError, UnauthorizedError } from '../../../../api/errors';
import type { SessionTokens } from '../../../../api/auth/create-session-tokens';
import type { Models } from '../../../../storage/create-models';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
const officer = { id: 'quan.hadong', displayName: 'Quận', grants: [{ role: 'district_officer', unitCode: 'HN-HD' }] };

/** No session store and no user lookup: a JWT must never reach them. */
const asked = () => {
  throw new Error('the session store was asked');
};
const models = { Session: { findById: asked }, User: { findById: asked } } as unknown as Models;
const sessions = { open: asked, resolve: asked, refresh: asked, revoke: asked } as unknown as SessionTokens;

const run = async (authenticate: ReturnType<typeof createAuthenticate>, authorization: string) => {
  const req = { get: (name: string) => (name === 'authorization' ? authorization : undefined) } as unknown as Request;
  const error = await new Promise<unknown>((resolve) => {
    void authenticate(req, {} as Response, resolve as NextFunction);
  });
  return { req, error };
};

describe('createAuthenticate with single sign-on', () => {
  it('refuses a JWT with 401 when single sign-on is off', async () => {
    const { error } = await run(createAuthenticate({ models, sessions }), `Bearer ${JWT}`);
    expect(error).toBeInstanceOf(UnauthorizedError);
  });

  it('hands a JWT to verifyOidcToken and authenticates the user it returns', async () => {
    const seen: string[] = [];
    const authenticate = createAuthenticate({
      models,
      sessions,
      verifyOidcToken: async (token) => {
        seen.push(token);
        return officer;
      },
    });
    const { req, error } = await run(authenticate, `Bearer ${JWT}`);
    expect(error).toBeUndefined();
    expect(seen).toEqual([JWT]);
    expect(authenticatedUser(req)).toEqual(officer);
  });

  it("passes the verifier's refusal on (403 for an account not enabled here)", async () => {
    const refusal = new ForbiddenError({ vi: 'chưa được kích hoạt', en: 'not enabled here' });
    const authenticate = createAuthenticate({ models, sessions, verifyOidcToken: () => Promise.reject(refusal) });
    expect((await run(authenticate, `Bearer ${JWT}`)).error).toBe(refusal);
  });
});
