import { idParameter } from './api-parameter';
import type { ApiRoute } from './api-route';

/**
 * The administrators' routes of embed tokens (create, list, revoke).
 * Part of apiRoutes (api-routes.ts), spread in at this place: the OpenAPI document lists the paths in that order.
 */
export const embedTokenRoutes: ApiRoute[] = [
  {
    method: 'post',
    path: '/api/admin/embed-tokens',
    summary:
      'Create an embed token for a process start form in a unit (admin); returns the token and copy-paste snippets',
    auth: true,
    request: 'CreateEmbedTokenRequest',
    response: 'EmbedToken',
    status: 201,
    errors: [401, 403, 404, 422],
  },
  {
    method: 'get',
    path: '/api/admin/embed-tokens',
    summary: 'Embed tokens of the units the caller administers',
    auth: true,
    response: 'EmbedTokenList',
    errors: [401, 403],
  },
  {
    method: 'post',
    path: '/api/admin/embed-tokens/:id/revoke',
    params: { id: idParameter('the embed token id (emb_…)') },
    summary:
      'Revoke an embed token (admin; audited). Revoking a revoked token, or losing a race with another revocation, is 409 embed_token_revoked',
    auth: true,
    response: 'EmbedToken',
    errors: [401, 403, 404, 409],
  },
];
