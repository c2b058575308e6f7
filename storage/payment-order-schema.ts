import { Schema } from 'mongoose';
import type { FundLine, PaymentOrderStatus } from '../domain/funds/dossier-money';

/**
 * A tranche's payment order ([funds.md](../docs/funds.md)): created by the workflow's `order_payment` effect, once per
 * `{dossierId, trancheId}` (unique index); a failed order is reissued in place (`attempt + 1`), never duplicated.
 * Each instance of a repeated tranche is an order of its own: `trancheId` is then `<tranche>#<n>` (`schoolYear#2`).
 * `reference` is printed on the transfer (`HS-<dossier code>-<tranche>`, `HS-<dossier code>-<tranche>-<n>`);
 * `fundSplit` says how much each fund pays;
 * the ledgers' payment entries carry the references `pay:<orderId>:<fundId>`. Ids and amounts only.
 */
export interface PaymentOrderDoc {
  _id: string;
  dossierId: string;
  trancheId: string;
  amount: number;
  status: PaymentOrderStatus;
  attempt: number;
  reference: string;
  fundSplit: FundLine[];
  createdAt: Date;
  settledAt: Date | null;
  /** The user who ordered it (id), and who confirmed or failed it last. */
  by: string;
  settledBy: string | null;
}

const lineSchema = new Schema<FundLine>(
  { fundId: { type: String, required: true }, amount: { type: Number, required: true } },
  { _id: false },
);

export const paymentOrderSchema = new Schema<PaymentOrderDoc>(
  {
    _id: { type: String, required: true },
    dossierId: { type: String, required: true },
    trancheId: { type: String, required: true },
    amount: { type: Number, required: true },
    status: { type: String, required: true, enum: ['ordered', 'paid', 'failed'] },
    attempt: { type: Number, required: true },
    reference: { type: String, required: true },
    fundSplit: { type: [lineSchema], required: true },
    createdAt: { type: Date, required: true },
    settledAt: { type: Date, default: null },
    by: { type: String, required: true },
    settledBy: { type: String, default: null },
  },
  { collection: 'payment_orders', versionKey: false },
);
paymentOrderSchema.index({ dossierId: 1, trancheId: 1 }, { unique: true });
/** The treasury's list (GET /api/payments/orders): newest first, all or by status. */
paymentOrderSchema.index({ createdAt: -1, _id: -1 });
paymentOrderSchema.index({ status: 1, createdAt: -1, _id: -1 });
