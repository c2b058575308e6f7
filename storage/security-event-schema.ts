import { Schema } from 'mongoose';

/**
 * What happened: a sign-in, a failed sign-in, a sign-out, a refused request (401, 403, 429) or a read of a household's
 * full personal data (a dossier, its submissions, its control slip, its PDFs).
 */
export type SecurityEventKind = 'login' | 'login_failed' | 'logout' | 'refused' | 'personal_data_read';

/**
 * Append-only log of security events, chained with the audit log and the admin events (see storage/audit-chain).
 * `userId` is an existing account only: a failed sign-in with an unknown username stores `unknownAccount: true`,
 * never what was typed (it may be a mistyped password or someone's name). Never a body, a token or a password. The
 * client address is personal data too: this collection is protected like the audit log, and is never logged.
 */
export interface SecurityEventDoc {
  _id: string;
  /** When it was recorded (also the time the audit sealer orders it by). */
  at: Date;
  kind: SecurityEventKind;
  userId: string | null;
  unknownAccount?: boolean;
  method?: string;
  /** The route pattern (`/api/dossiers/:id`), never the URL with its values. */
  route?: string;
  status?: number;
  code?: string;
  clientAddress?: string | null;
  dossierId?: string;
}

export const securityEventSchema = new Schema<SecurityEventDoc>(
  {
    _id: { type: String, required: true },
    at: { type: Date, required: true },
    kind: { type: String, required: true },
    userId: { type: String, default: null },
    unknownAccount: Boolean,
    method: String,
    route: String,
    status: Number,
    code: String,
    clientAddress: { type: String, default: null },
    dossierId: String,
  },
  { collection: 'security_events', versionKey: false },
);
securityEventSchema.index({ at: 1 });
securityEventSchema.index({ userId: 1, at: -1 });
securityEventSchema.index({ dossierId: 1, at: -1 });
