/** A submission id derived from a request's Idempotency-Key, so a retry finds what its first attempt stored. */
export const requestScopedId = (prefix: string, idempotencyId: string) => `${prefix}-${idempotencyId.slice(0, 48)}`;
