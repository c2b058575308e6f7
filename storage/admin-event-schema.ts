import { Schema } from 'mongoose';

/** What an administrator changed. */
export type AdminEventKind =
  | 'user.create'
  | 'user.grant'
  | 'user.revoke'
  | 'user.deactivate'
  | 'user.activate'
  | 'user.password'
  | 'user.oidc_link'
  | 'user.names'
  | 'user.unlock'
  | 'user.sessions_revoke'
  | 'unit.create'
  | 'unit.retire'
  | 'form.publish'
  | 'process.publish'
  | 'embed_token.create'
  | 'embed_token.revoke'
  | 'fund.create'
  | 'fund.receipt'
  | 'fund.update'
  | 'loan.entry'
  | 'overlap_rules.update'
  | 'calendar.load'
  | 'transition.create'
  | 'transition.execute';

/**
 * Append-only log of administrative changes (users, grants, units, published definitions, embed tokens), for auditors.
 * `scope` is
 * the unit whose administrators may read the entry (null: registry changes, readable by every administrator).
 * `details` holds codes and names of what changed, never a password or a citizen's data.
 */
export interface AdminEventDoc {
  _id: string;
  at: Date;
  by: string;
  kind: AdminEventKind;
  target: string;
  scope: string | null;
  details: Record<string, unknown>;
}

export const adminEventSchema = new Schema<AdminEventDoc>(
  {
    _id: { type: String, required: true },
    at: { type: Date, required: true },
    by: { type: String, required: true },
    kind: { type: String, required: true },
    target: { type: String, required: true },
    scope: { type: String, default: null },
    details: { type: Schema.Types.Mixed, default: {} },
  },
  { collection: 'admin_events', versionKey: false, minimize: false },
);
adminEventSchema.index({ scope: 1, at: -1 });
adminEventSchema.index({ at: 1 });
adminEventSchema.index({ target: 1, at: -1 });
