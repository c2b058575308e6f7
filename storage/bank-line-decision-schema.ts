import { Schema } from 'mongoose';

/**
 * Who reported the decision of one bank transaction ([funds.md](../docs/funds.md#bank-statements)). Every import
 * that takes a transaction sends the same Temporal update (keyed by the transaction id) and so learns the same
 * result; the one whose insert of this record wins (`_id` = the transaction id: a unique primary key, the one
 * guarantee the embedded database keeps under concurrent writers) reports `settled` or `payment_failed`, every
 * other reports that it was already decided. Ids only.
 */
export interface BankLineDecisionDoc {
  _id: string;
  outcome: 'settled' | 'payment_failed';
  orderId: string;
  reportedBy: string;
  reportedAt: Date;
}

export const bankLineDecisionSchema = new Schema<BankLineDecisionDoc>(
  {
    _id: { type: String, required: true },
    outcome: { type: String, required: true, enum: ['settled', 'payment_failed'] },
    orderId: { type: String, required: true },
    reportedBy: { type: String, required: true },
    reportedAt: { type: Date, required: true },
  },
  { collection: 'bank_line_decisions', versionKey: false },
);
