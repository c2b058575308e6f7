import { Schema } from 'mongoose';

/** A login session. Only the SHA-256 of the bearer token is stored, so a leaked database does not leak tokens. */
export interface SessionDoc {
  _id: string; // sha256(token), hex
  userId: string;
  createdAt: Date;
  expiresAt: Date;
}

export const sessionSchema = new Schema<SessionDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'sessions', versionKey: false },
);
sessionSchema.index({ userId: 1 });
