import { createHash } from 'node:crypto';

/** The SHA-256 of a token, hex: what is stored and looked up in place of the token itself. */
export const tokenDigest = (token: string): string => createHash('sha256').update(token).digest('hex');
