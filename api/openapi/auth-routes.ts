import type { ApiRoute } from './api-route';

/**
 * The routes of signing in and out (password, refresh, logout, the OpenID configuration) and of the caller.
 * Part of apiRoutes (api-routes.ts), spread in at this place: the OpenAPI document lists the paths in that order.
 */
export const authRoutes: ApiRoute[] = [
  {
    method: 'post',
    path: '/api/auth/login',
    summary:
      'Password sign-in: a 15-minute access token (`token`) and a refresh token. A wrong password, an unknown, inactive or locked account are the same 401; too many failed sign-ins of the account or from the address are 429 with Retry-After, checked before the password',
    auth: false,
    request: 'LoginRequest',
    response: 'LoginResponse',
    errors: [400, 401, 422, 429],
  },
  {
    method: 'post',
    path: '/api/auth/refresh',
    summary:
      'A new access token and refresh token for a refresh token, which is spent: one presented a second time ends its session (401). Never past the session’s 12 hours from sign-in',
    auth: false,
    request: 'RefreshRequest',
    response: 'LoginResponse',
    errors: [400, 401, 422],
  },
  {
    method: 'post',
    path: '/api/auth/logout',
    summary: 'End the session of the bearer token: its access and refresh tokens are refused afterwards',
    auth: true,
    response: 'empty',
    status: 204,
    errors: [401],
  },
  {
    method: 'get',
    path: '/api/auth/config',
    summary: "What the sign-in page offers: the province's OpenID provider (single sign-on), or null when it is off",
    auth: false,
    response: 'AuthConfig',
    errors: [],
  },
  {
    method: 'get',
    path: '/api/me',
    summary: 'The caller and their role grants',
    auth: true,
    response: 'CurrentUser',
    errors: [401],
  },
];
