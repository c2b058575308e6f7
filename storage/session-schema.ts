import { Schema } from 'mongoose';

/**
 * A login session: a short-lived access token and a refresh token that rotates on every use, within an absolute
 * life (`expiresAt`). Only SHA-256 digests of the tokens are stored, so a leaked database does not leak tokens.
 * `rotatedDigests` keeps the refresh tokens already used: one presented again means it was copied, and the
 * session is ended (see createSessionTokens). Sessions past `expiresAt` are removed by a sweep (no TTL index: the
 * embedded FerretDB has none).
 */
export interface SessionDoc {
  _id: string; // a random session id
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  accessDigest: string;
  accessExpiresAt: Date;
  refreshDigest: string;
  rotatedDigests: string[];
}

export const sessionSchema = new Schema<SessionDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    accessDigest: { type: String, required: true },
    accessExpiresAt: { type: Date, required: true },
    refreshDigest: { type: String, required: true },
    rotatedDigests: { type: [String], default: [] },
  },
  { collection: 'sessions', versionKey: false },
);
sessionSchema.index({ userId: 1 });
// Not unique: the digests of random 256-bit tokens do not collide, and sessions stored before these fields existed
// (without them) must not stop the index from being built; they are never found, and swept once expired.
sessionSchema.index({ accessDigest: 1 });
sessionSchema.index({ refreshDigest: 1 });
sessionSchema.index({ rotatedDigests: 1 });
sessionSchema.index({ expiresAt: 1 });
