import { Schema } from 'mongoose';

/**
 * An embed token: lets a portal on another origin show one process's start form and start dossiers in one
 * receiving unit. The token string itself (see api/embed/create-embed-token-codec.ts) only carries the id and
 * the expiry, signed; everything else is here, so a token can be revoked or narrowed without re-issuing it.
 */
export interface EmbedTokenDoc {
  _id: string; // emb_<random>
  label: string;
  processKey: string;
  /** Pinned version, or null for the latest published version at submission time. */
  processVersion: number | null;
  unitCode: string;
  /** Exact origins (scheme://host[:port]) allowed to embed the form and to call the embed API. */
  origins: string[];
  /** Submissions allowed per minute through this token. */
  rateLimitPerMinute: number;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  revokedBy: string | null;
}

export const embedTokenSchema = new Schema<EmbedTokenDoc>(
  {
    _id: { type: String, required: true },
    label: { type: String, required: true },
    processKey: { type: String, required: true },
    processVersion: { type: Number, default: null },
    unitCode: { type: String, required: true },
    origins: { type: [String], required: true },
    rateLimitPerMinute: { type: Number, required: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
    revokedBy: { type: String, default: null },
  },
  { collection: 'embed_tokens', versionKey: false },
);
embedTokenSchema.index({ unitCode: 1, createdAt: -1 });
