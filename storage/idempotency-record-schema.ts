import { Schema } from 'mongoose';

/**
 * A remembered response for an `Idempotency-Key`: scoped to the user and route, with a hash of the request so
 * the same key with a different body is refused instead of silently replayed. A record older than
 * IDEMPOTENCY_TTL_MS counts as absent (FerretDB v1 has no TTL indexes, so expiry is checked on use).
 */
export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;

export interface IdempotencyRecordDoc {
  _id: string; // sha256(userId + method + route + key)
  requestHash: string;
  state: 'in_progress' | 'done' | 'failed';
  /** For a create: the dossier number the first attempt took, reused by retries. */
  dossierId?: string;
  status?: number;
  body?: unknown;
  createdAt: Date;
}

export const idempotencyRecordSchema = new Schema<IdempotencyRecordDoc>(
  {
    _id: { type: String, required: true },
    requestHash: { type: String, required: true },
    state: { type: String, required: true },
    dossierId: String,
    status: Number,
    body: Schema.Types.Mixed,
    createdAt: { type: Date, required: true },
  },
  { collection: 'idempotency_keys', versionKey: false, minimize: false },
);
idempotencyRecordSchema.index({ createdAt: 1 });
