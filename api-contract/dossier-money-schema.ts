import { arrayOf, closedObject, mapOf, nullable } from './schema-builders';
import { instant, integer, string } from './schema-primitives';

const fundLine = closedObject({ fundId: string, amount: integer });

/** The dossier's money (workflow state, ids and whole đồng only): per fund and per tranche. */
export const dossierMoney = {
  ...closedObject({
    funds: arrayOf(closedObject({ fundId: string, committed: integer, paid: integer, released: integer })),
    tranches: mapOf(
      closedObject({
        orderId: string,
        amount: integer,
        status: { enum: ['ordered', 'paid', 'failed'] },
        attempt: integer,
        fundSplit: arrayOf(fundLine),
      }),
    ),
    cancelled: nullable(closedObject({ at: instant, released: integer, reason: string })),
  }),
  description: 'Commitments per fund and payment orders per tranche; absent for a process that moves no money',
};
