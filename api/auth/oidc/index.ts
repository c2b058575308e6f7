export { oidcConfigFromEnv, OIDC_SCOPES, type OidcConfig } from './oidc-config';
export { createProviderKeys, fetchJson, type FetchJson, type ProviderKeys } from './create-provider-keys';
export { createVerifyOidcToken, OIDC_CLOCK_TOLERANCE_SECONDS, type VerifyOidcToken } from './create-verify-oidc-token';
export { createAuthConfigRouter } from './create-auth-config-router';
export { looksLikeJwt } from './looks-like-jwt';
export { oidcSubjectOf } from './oidc-subject-of';
