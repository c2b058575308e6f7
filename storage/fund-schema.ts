import { Schema } from 'mongoose';
import type { Level } from '../domain/process/process-definition';
import { FUND_KINDS, type FundKind } from '../domain/funds/fund-kinds';
import type { FundBankAccount, FundTreasuryAccount } from '../domain/funds/fund-accounts';

/**
 * A source of money held by one unit ([funds.md](../docs/funds.md)): its balance is never stored here, it is derived
 * from its `ledger_entries`. `campaignFrom`/`campaignTo` (YYYY-MM-DD) bound a collection campaign, when it has one.
 * `bankAccount` / `treasuryAccount`: where its money is held (absent on funds created before accounts were kept).
 */
export interface FundDoc {
  _id: string;
  unitCode: string;
  level: Level;
  kind: FundKind;
  name: string;
  campaignFrom: string | null;
  campaignTo: string | null;
  active: boolean;
  bankAccount?: FundBankAccount | null;
  treasuryAccount?: FundTreasuryAccount | null;
  createdAt: Date;
  createdBy: string;
}

export const fundSchema = new Schema<FundDoc>(
  {
    _id: { type: String, required: true },
    unitCode: { type: String, required: true },
    level: { type: String, required: true, enum: ['province', 'district', 'commune'] },
    kind: { type: String, required: true, enum: FUND_KINDS },
    name: { type: String, required: true },
    campaignFrom: { type: String, default: null },
    campaignTo: { type: String, default: null },
    active: { type: Boolean, default: true },
    bankAccount: { type: Schema.Types.Mixed, default: null },
    treasuryAccount: { type: Schema.Types.Mixed, default: null },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
  },
  { collection: 'funds', versionKey: false },
);
fundSchema.index({ unitCode: 1, createdAt: 1 });
