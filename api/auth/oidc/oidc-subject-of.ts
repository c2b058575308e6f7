/**
 * The link stored on a local user (`oidcSubject`): the provider's issuer and the value of the configured username
 * claim, so the same name at two providers (or after a change of provider) never opens the same account.
 */
export const oidcSubjectOf = (issuer: string, claimValue: string): string => `${issuer}#${claimValue}`;
