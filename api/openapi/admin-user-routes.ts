import { idParameter, limitParameter, textParameter, unitCodeParameter, type ApiParameters } from './api-parameter';
import type { ApiRoute } from './api-route';

const userId: ApiParameters = { id: idParameter('the username') };

/**
 * The administrators' routes of users: list, create, grants, activation, password, OpenID link, lock, sessions.
 * Part of apiRoutes (api-routes.ts), spread in at this place: the OpenAPI document lists the paths in that order.
 */
export const adminUserRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/admin/users',
    summary: 'Users holding a grant in the units the caller administers (filters unit, q)',
    auth: true,
    response: 'AdminUserList',
    query: {
      unit: unitCodeParameter('only users with a grant in this unit'),
      q: textParameter('text in the username or display name, ignoring case (at most 100 characters)', 100),
      limit: limitParameter(500, 200),
    },
    errors: [401, 403],
  },
  {
    method: 'post',
    path: '/api/admin/users',
    summary:
      'Create a user with role grants in units the caller administers (audited). A taken username is 409 username_taken: of concurrent creations of one username exactly one succeeds',
    auth: true,
    request: 'CreateUserRequest',
    response: 'AdminUser',
    status: 201,
    errors: [401, 403, 404, 409, 422],
  },
  {
    method: 'post',
    path: '/api/admin/users/:id/grants',
    params: userId,
    summary:
      'Grant a role in a unit the caller administers (audited). Idempotent: a grant the user already holds answers 200 with no change, so of concurrent identical requests all answer the same state and exactly one is audited',
    auth: true,
    request: 'RoleGrantRequest',
    response: 'AdminUser',
    errors: [401, 403, 404, 422],
  },
  {
    method: 'post',
    path: '/api/admin/users/:id/grants/revoke',
    params: userId,
    summary:
      'Revoke a role grant (audited). Idempotent like granting: exactly one of concurrent identical requests is audited',
    auth: true,
    request: 'RoleGrantRequest',
    response: 'AdminUser',
    errors: [401, 403, 404, 409, 422],
  },
  {
    method: 'post',
    path: '/api/admin/users/:id/deactivate',
    params: userId,
    summary:
      'Deactivate a user and end their sessions (audited). Idempotent: exactly one of concurrent requests changes the user and is audited',
    auth: true,
    response: 'AdminUser',
    errors: [401, 403, 404, 409],
  },
  {
    method: 'post',
    path: '/api/admin/users/:id/activate',
    params: userId,
    summary:
      'Reactivate a user (audited). Idempotent: exactly one of concurrent requests changes the user and is audited',
    auth: true,
    response: 'AdminUser',
    errors: [401, 403, 404],
  },
  {
    method: 'post',
    path: '/api/admin/users/:id/password',
    params: userId,
    summary:
      "Set a user's password and end their sessions (audited). Of concurrent resets exactly one is applied; the others are 409 password_changed",
    auth: true,
    request: 'SetPasswordRequest',
    response: 'AdminUser',
    errors: [401, 403, 404, 409, 422],
  },
  {
    method: 'post',
    path: '/api/admin/users/:id/names',
    params: userId,
    summary:
      "Set a user's display name and their optional English name and title (null removes it); audited as user.names when they change",
    auth: true,
    request: 'SetUserNamesRequest',
    response: 'AdminUser',
    errors: [401, 403, 404, 422],
  },
  {
    method: 'post',
    path: '/api/admin/users/:id/oidc-link',
    params: userId,
    summary:
      "Link a user to their account at the province's OpenID provider (single sign-on), or unlink it with null (audited). 409 oidc_off when single sign-on is off, 409 oidc_taken when another user holds that account",
    auth: true,
    request: 'SetOidcLinkRequest',
    response: 'AdminUser',
    errors: [401, 403, 404, 409, 422],
  },
  {
    method: 'post',
    path: '/api/admin/users/:id/unlock',
    params: userId,
    summary:
      'Lift the lock of an account locked after too many failed sign-ins, and reset its failure count (audited as user.unlock when it was locked)',
    auth: true,
    response: 'AdminUser',
    errors: [401, 403, 404],
  },
  {
    method: 'post',
    path: '/api/admin/users/:id/sessions/revoke',
    params: userId,
    summary: 'Sign a user out everywhere: every session of the user ends (audited as user.sessions_revoke)',
    auth: true,
    response: 'AdminUser',
    errors: [401, 403, 404],
  },
];
