/**
 * The URI with any `user:password@` replaced by `***@`, for logs and error messages. Input that does not look like a
 * URI is returned unchanged (there is nothing to redact and throwing here would hide the real error).
 */
export function redactMongoUri(uri: string): string {
  return uri.replace(/^(mongodb(?:\+srv)?:\/\/)[^@/]*@/, '$1***@');
}
