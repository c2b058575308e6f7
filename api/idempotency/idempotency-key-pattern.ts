/** An `Idempotency-Key`: 8 to 200 visible ASCII characters (a UUID fits); the OpenAPI document publishes it. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{8,200}$/;
