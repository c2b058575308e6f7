import { Router } from 'express';
import type { AuthConfig } from '../../../api-contract';
import type { OidcConfig } from './oidc-config';

/**
 * `GET /api/auth/config` (no authentication): what the sign-in page offers. `oidc` is the provider the web app runs
 * the authorization code flow against (issuer, public client id, scopes), or null when single sign-on is off.
 */
export function createAuthConfigRouter(deps: { oidc: OidcConfig | undefined }): Router {
  const router = Router();
  const answer: AuthConfig = {
    oidc: deps.oidc ? { issuer: deps.oidc.issuer, clientId: deps.oidc.clientId, scopes: deps.oidc.scopes } : null,
  };
  router.get('/api/auth/config', (_req, res) => {
    res.json(answer);
  });
  return router;
}
