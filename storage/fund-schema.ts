import { Schema } from 'mongoose';
import type { Level } from '../domain/process/process-definition';
import { FUND_KINDS, type FundKind } from '../domain/funds/fund-kinds';

/**
 * A source of money held by one unit ([funds.md](../docs/funds.md)): its balance is never stored here, it is derived
 * from its `ledger_entries`. `campaignFrom`/`campaignTo` (YYYY-MM-DD) bound a collection campaign, when it has one.
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
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
  },
  { collection: 'funds', versionKey: false },
);
fundSchema.index({ unitCode: 1, createdAt: 1 });
