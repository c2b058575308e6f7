import { Schema } from 'mongoose';
import { DONOR_KINDS, type Donor } from '../domain/funds/donor-kinds';
import { LEDGER_ENTRY_KINDS, type LedgerBalance, type LedgerEntryKind } from '../domain/funds/ledger-balance';

/**
 * One entry of a fund's append-only ledger ([funds.md](../docs/funds.md)); never updated nor deleted. `seq` runs
 * 1..n per fund without gaps (the unique index `{fundId, seq}` lets one of concurrent appenders win each number);
 * `reference` is the writer's idempotency key, unique per fund; `balanceAfter` is the balance derived from entries
 * 1..seq.
 */
export interface LedgerEntryDoc {
  _id: string;
  fundId: string;
  seq: number;
  kind: LedgerEntryKind;
  amount: number;
  dossierId: string | null;
  reference: string;
  by: string;
  at: Date;
  /** The day the money moved (YYYY-MM-DD), when it differs from the day it was recorded (`at`). */
  valueDate: string | null;
  note: string | null;
  /** A receipt's donor (who gave); absent on other entries and on receipts recorded before donors were. */
  donor?: Donor | null;
  balanceAfter: LedgerBalance;
}

const balanceSchema = new Schema<LedgerBalance>(
  {
    received: { type: Number, required: true },
    committed: { type: Number, required: true },
    paid: { type: Number, required: true },
    available: { type: Number, required: true },
  },
  { _id: false },
);

const donorSchema = new Schema<Donor>(
  { kind: { type: String, required: true, enum: DONOR_KINDS }, name: { type: String, required: true } },
  { _id: false },
);

export const ledgerEntrySchema = new Schema<LedgerEntryDoc>(
  {
    _id: { type: String, required: true },
    fundId: { type: String, required: true },
    seq: { type: Number, required: true },
    kind: { type: String, required: true, enum: LEDGER_ENTRY_KINDS },
    amount: { type: Number, required: true },
    dossierId: { type: String, default: null },
    reference: { type: String, required: true },
    by: { type: String, required: true },
    at: { type: Date, required: true },
    valueDate: { type: String, default: null },
    note: { type: String, default: null },
    donor: { type: donorSchema, default: undefined },
    balanceAfter: { type: balanceSchema, required: true },
  },
  { collection: 'ledger_entries', versionKey: false },
);
ledgerEntrySchema.index({ fundId: 1, seq: 1 }, { unique: true });
ledgerEntrySchema.index({ fundId: 1, reference: 1 }, { unique: true });
/** The fund summary's period match (`fundId` in the scope, `at` in the period): a range per fund on MongoDB. */
ledgerEntrySchema.index({ fundId: 1, at: 1 });
ledgerEntrySchema.index({ dossierId: 1 }, { sparse: true });
