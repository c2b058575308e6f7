import { Schema } from 'mongoose';
import { LOAN_ENTRY_KINDS, type LoanBalance, type LoanMove } from '../domain/loans/loan-balance';

/**
 * One entry of a disbursed loan's append-only ledger (collections, instalments overdue, the settlement;
 * [processes-and-forms.md](../docs/processes-and-forms.md)); never updated nor deleted. `seq` runs 1..n per loan
 * without gaps (the unique index `{dossierId, seq}` lets one of concurrent appenders win each number), `reference`
 * is the writer's idempotency key, unique per loan, and `balanceAfter` the loan's position after entries 1..seq.
 */
export interface LoanEntryDoc extends LoanMove {
  _id: string;
  dossierId: string;
  seq: number;
  reference: string;
  by: string;
  at: Date;
  note: string | null;
  balanceAfter: LoanBalance;
}

const balanceSchema = new Schema<LoanBalance>(
  {
    disbursed: { type: Number, required: true },
    principalRepaid: { type: Number, required: true },
    outstanding: { type: Number, required: true },
    interestPaid: { type: Number, required: true },
    interestSupport: { type: Number, required: true },
    overdue: { type: Number, required: true },
    settled: { type: Boolean, required: true },
  },
  { _id: false },
);

export const loanEntrySchema = new Schema<LoanEntryDoc>(
  {
    _id: { type: String, required: true },
    dossierId: { type: String, required: true },
    seq: { type: Number, required: true },
    kind: { type: String, required: true, enum: LOAN_ENTRY_KINDS },
    date: { type: String, required: true },
    principal: { type: Number, required: true },
    interest: { type: Number, required: true },
    interestSupport: { type: Number, required: true },
    overdue: { type: Number, required: true },
    reference: { type: String, required: true },
    by: { type: String, required: true },
    at: { type: Date, required: true },
    note: { type: String, default: null },
    balanceAfter: { type: balanceSchema, required: true },
  },
  { collection: 'loan_entries', versionKey: false },
);
loanEntrySchema.index({ dossierId: 1, seq: 1 }, { unique: true });
loanEntrySchema.index({ dossierId: 1, reference: 1 }, { unique: true });
