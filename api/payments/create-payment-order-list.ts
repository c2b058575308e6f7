import type { PaymentOrderPage } from '../../api-contract';
import type { Models } from '../../storage/create-models';
import type { PaymentOrderDoc } from '../../storage/payment-order-schema';
import type { DossierViewDoc } from '../../storage/dossier-view-schema';
import type { PaymentOrderStatus } from '../../domain/funds/dossier-money';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { ProcessRegistry } from '../registry/create-process-registry';
import { decodeCreatedCursor, encodeCreatedCursor, type CreatedCursor } from '../paging/created-cursor';
import { summaryPeriod } from '../funds/summary-period';
import { instanceTitle } from '../../domain/funds/tranche-instance';

export interface PaymentOrderQuery {
  status?: PaymentOrderStatus;
  unit?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

/** Orders read per batch while looking for the visible ones, and at most per page request. */
const BATCH = 200;
const MAX_SCANNED = 2_000;

/** The condition "after the cursor" in (createdAt, _id) order, newest first. */
function beforeCreatedCursor(cursor: CreatedCursor): Record<string, unknown> {
  const at = new Date(cursor.createdAt);
  return { $or: [{ createdAt: { $lt: at } }, { createdAt: at, _id: { $lt: cursor.id } }] };
}

/** `from`..`to` (Việt Nam days, both optional) as a condition on the order's `createdAt`; 422 when to < from. */
function createdWithin(from: string | undefined, to: string | undefined): Record<string, unknown> {
  if (from === undefined && to === undefined) return {};
  const period = summaryPeriod(from ?? '2000-01-01', to ?? '2099-12-31');
  return { createdAt: { $gte: period.start, $lt: period.end } };
}

/**
 * The payment orders a caller may see, newest first: those of dossiers whose unit chain (the receiving unit and
 * every unit above it) holds one of the caller's grants, so a province treasury sees its province's and another
 * unit's officer sees none. The household head's name is shown only where the caller may read the dossier itself
 * (a grant in one of its units, the dossier service's rule), else null; citizen ids are never listed.
 *
 * Keyset paging on (createdAt, _id) descending. Orders carry no unit, so each page reads orders in batches and keeps
 * the visible ones; a page stops after MAX_SCANNED orders even when short, and its `nextCursor` then goes on from
 * the last order read (a short page with a cursor means "more may follow").
 */
export function createPaymentOrderList(deps: { models: Models; processes: ProcessRegistry }) {
  const { models, processes } = deps;

  async function titleOf(view: DossierViewDoc | undefined, trancheId: string) {
    const fallback = { vi: trancheId, en: trancheId };
    if (!view) return fallback;
    try {
      const definition = await processes.get(view.processKey, view.processVersion);
      return instanceTitle(definition, trancheId);
    } catch {
      return fallback;
    }
  }

  return async function list(user: AuthenticatedUser, query: PaymentOrderQuery): Promise<PaymentOrderPage> {
    const limit = query.limit ?? 50;
    const cursor = decodeCreatedCursor(query.cursor);
    const grantUnits = [...new Set(user.grants.map((g) => g.unitCode))];
    if (grantUnits.length === 0) return { items: [], nextCursor: null };
    const filter = {
      ...(query.status ? { status: query.status } : {}),
      ...createdWithin(query.from, query.to),
    };
    const chainCondition = {
      $and: [{ unitChain: { $in: grantUnits } }, ...(query.unit ? [{ unitChain: query.unit }] : [])],
    };

    const found: { order: PaymentOrderDoc; view: DossierViewDoc }[] = [];
    let position = cursor;
    let scanned = 0;
    let exhausted = false;
    while (found.length <= limit && scanned < MAX_SCANNED) {
      const batch = await models.PaymentOrder.find(position ? { ...filter, ...beforeCreatedCursor(position) } : filter)
        .sort({ createdAt: -1, _id: -1 })
        .limit(BATCH)
        .lean<PaymentOrderDoc[]>();
      if (batch.length === 0) {
        exhausted = true;
        break;
      }
      const ids = [...new Set(batch.map((o) => o.dossierId))];
      const views = await models.DossierView.find({ _id: { $in: ids }, ...chainCondition }).lean<DossierViewDoc[]>();
      const visible = new Map(views.map((v) => [v._id, v]));
      for (const order of batch) {
        scanned += 1;
        position = { createdAt: order.createdAt.toISOString(), id: order._id };
        const view = visible.get(order.dossierId);
        if (view) found.push({ order, view });
        if (found.length > limit) break;
      }
      if (batch.length < BATCH && found.length <= limit) {
        exhausted = true;
        break;
      }
    }

    const page = found.slice(0, limit);
    const last = page.at(-1)?.order;
    const nextCursor =
      found.length > limit && last
        ? encodeCreatedCursor(last)
        : !exhausted && position
          ? encodeCreatedCursor({ createdAt: new Date(position.createdAt), _id: position.id })
          : null;

    const fundIds = [...new Set(page.flatMap(({ order }) => order.fundSplit.map((l) => l.fundId)))];
    const funds = new Map(
      (await models.Fund.find({ _id: { $in: fundIds } }, { name: 1 }).lean<{ _id: string; name: string }[]>()).map(
        (f) => [f._id, f.name],
      ),
    );
    const items = await Promise.all(
      page.map(async ({ order, view }) => {
        const readable = Object.values(view.units ?? {});
        const head = view.applicant?.['headName'];
        return {
          id: order._id,
          dossierId: order.dossierId,
          household: typeof head === 'string' && user.grants.some((g) => readable.includes(g.unitCode)) ? head : null,
          receivingUnit: view.receivingUnit,
          trancheId: order.trancheId,
          tranche: await titleOf(view, order.trancheId),
          amount: order.amount,
          funds: order.fundSplit.map((l) => ({
            fundId: l.fundId,
            name: funds.get(l.fundId) ?? l.fundId,
            amount: l.amount,
          })),
          status: order.status,
          attempt: order.attempt,
          reference: order.reference,
          createdAt: order.createdAt.toISOString(),
          settledAt: order.settledAt?.toISOString() ?? null,
        };
      }),
    );
    return { items, nextCursor };
  };
}

export type PaymentOrderList = ReturnType<typeof createPaymentOrderList>;
