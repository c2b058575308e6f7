/** The token of `Bearer <header>.<payload>.<signature>` (three base64url parts, at most 8 KB), else undefined. */
export function looksLikeJwt(authorization: string): string | undefined {
  const match = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(authorization);
  return match?.[1] && match[1].length <= 8192 ? match[1] : undefined;
}
