import { Schema } from 'mongoose';

/**
 * A reminder or escalation for a role in a unit (never a person: whoever holds that grant sees it), written by the
 * `notify` activity, keyed by dossier, step entry, kind, due time and recipient so a retried activity stores nothing
 * twice; or a loan's instalment fallen overdue (`loan_overdue`, api/loans/notify-loan-overdue.ts, keyed by the loan
 * entry). It carries codes and times only, no personal data. `readBy` lists the users who marked it read.
 */
export interface NotificationDoc {
  _id: string; // `${dossierId}#${stepKey}#${kind}-${scope}#${dueAt}#${role}@${unitCode}`
  dossierId: string;
  processKey: string;
  kind: 'reminder' | 'escalation' | 'loan_overdue';
  scope: 'step' | 'dossier';
  step: string | null;
  dueAt: Date | null;
  recipientRole: string;
  recipientUnit: string;
  at: Date;
  readBy: string[];
  /** The period a scheduled step pays (YYYY-MM and month/quarter), named in the message; absent otherwise. */
  period?: { month: string; unit: 'month' | 'quarter' };
}

export const notificationSchema = new Schema<NotificationDoc>(
  {
    _id: { type: String, required: true },
    dossierId: { type: String, required: true },
    processKey: { type: String, required: true },
    kind: { type: String, required: true, enum: ['reminder', 'escalation', 'loan_overdue'] },
    scope: { type: String, required: true, enum: ['step', 'dossier'] },
    step: { type: String, default: null },
    dueAt: { type: Date, default: null },
    recipientRole: { type: String, required: true },
    recipientUnit: { type: String, required: true },
    at: { type: Date, required: true },
    readBy: { type: [String], default: [] },
    period: {
      type: { _id: false, month: String, unit: { type: String, enum: ['month', 'quarter'] } },
      default: undefined,
    },
  },
  { collection: 'notifications', versionKey: false },
);
// A caller's notifications: per grant (role in unit), newest first.
notificationSchema.index({ recipientUnit: 1, recipientRole: 1, at: -1 });
notificationSchema.index({ dossierId: 1, at: 1 });
