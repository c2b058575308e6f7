import { Schema } from 'mongoose';

/** What importing one bank transaction came to; `pending` while (or if) its decision has not been confirmed. */
export type BankLineOutcome = 'pending' | 'settled' | 'payment_failed';

/**
 * One bank transaction taken from an imported statement ([funds.md](../docs/funds.md#bank-statements)). `_id` is
 * the bank's transaction id: the unique primary key is what makes a re-imported or concurrently imported statement
 * decide each transaction at most once. Ids, amounts and references only; the description is not stored (it may
 * name the recipient).
 */
export interface BankStatementLineDoc {
  _id: string;
  fileName: string;
  orderId: string;
  dossierId: string;
  amount: number;
  bankStatus: 'OK' | 'FAILED';
  outcome: BankLineOutcome;
  importedBy: string;
  importedAt: Date;
}

export const bankStatementLineSchema = new Schema<BankStatementLineDoc>(
  {
    _id: { type: String, required: true },
    fileName: { type: String, required: true },
    orderId: { type: String, required: true },
    dossierId: { type: String, required: true },
    amount: { type: Number, required: true },
    bankStatus: { type: String, required: true, enum: ['OK', 'FAILED'] },
    outcome: { type: String, required: true, enum: ['pending', 'settled', 'payment_failed'] },
    importedBy: { type: String, required: true },
    importedAt: { type: Date, required: true },
  },
  { collection: 'bank_statement_lines', versionKey: false },
);
