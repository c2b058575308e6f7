import type { FundSummary } from '../../api-contract';
import { FUND_KINDS, type FundKind } from '../../domain/funds/fund-kinds';
import { FUND_KIND_LABELS } from '../../domain/funds/fund-kind-labels';
import { emptyFigures, FIGURE_OF_KIND, sumFigures, type FundFigures } from '../../domain/funds/fund-figures';
import { EMPTY_BALANCE, type LedgerBalance, type LedgerEntryKind } from '../../domain/funds/ledger-balance';
import type { Models } from '../../storage/create-models';
import type { FundDoc } from '../../storage/fund-schema';
import type { LedgerEntryDoc } from '../../storage/ledger-entry-schema';
import type { UnitDoc } from '../../storage/unit-schema';
import { NotFoundError } from '../errors';
import { subtreeOf } from '../units/subtree-of';
import type { SummaryPeriod } from './summary-period';

export interface FundSummaryQuery {
  unit: string;
  includeBelow: boolean;
  period: SummaryPeriod;
}

export type FundSummaryService = ReturnType<typeof createFundSummary>;

/** How many funds' balances are read at once: enough to overlap round trips, few enough to leave the pool to others. */
const BALANCE_READS_AT_ONCE = 8;
/**
 * How far before a boundary one read looks for every fund's last entry at once: on a busy ledger most funds have one
 * within a week, and the embedded FerretDB answers one range read far sooner than one sorted read per fund.
 */
const RECENT_MS = 7 * 86_400_000;

/**
 * The money figures of a unit (and, with `includeBelow`, every unit below it) for a period of Việt Nam days, read
 * from `funds` and `ledger_entries` only ([funds.md](../../docs/funds.md#summary)):
 * - the period's flows per fund and entry kind in **one aggregation** (`$match` on the funds and the period, `$group`
 *   by fund and kind with `$sum` of the amounts), so the database adds up the entries and only one row per fund and
 *   kind comes back, however many entries the period holds;
 * - each fund's opening and closing balance as the `balanceAfter` of its last entry (highest `seq`) recorded before
 *   the boundary: per boundary, one read of the week before it (the funds with an entry then), and one sorted read
 *   per remaining fund (the embedded FerretDB has no `$first`/`$max` accumulators, so this cannot be one pipeline).
 * The totals per fund kind, per unit and overall are sums of the fund rows. A period is matched on `at`, the instant
 * an entry was recorded (not `valueDate`), because `seq` order is the order of `at` (the ledger stamps `at` when it
 * appends) and the balances are read in `seq` order. Throws NotFoundError for an unknown unit.
 */
export function createFundSummary(deps: { models: Models }) {
  const { models } = deps;

  /** The `balanceAfter` of the fund's last entry recorded before `boundary`; the empty balance when there is none. */
  async function balanceBefore(fundId: string, boundary: Date): Promise<LedgerBalance> {
    const last = await models.LedgerEntry.findOne({ fundId, at: { $lt: boundary } }, { balanceAfter: 1 })
      .sort({ seq: -1 })
      .lean<Pick<LedgerEntryDoc, 'balanceAfter'>>();
    return last ? pickBalance(last.balanceAfter) : { ...EMPTY_BALANCE };
  }

  /**
   * {@link balanceBefore} for every fund, in two steps: one read of the entries of the {@link RECENT_MS} before the
   * boundary, whose highest `seq` per fund is that fund's last entry; then one read per fund that had none then.
   */
  async function balancesBefore(fundIds: string[], boundary: Date): Promise<Map<string, LedgerBalance>> {
    const recent = await models.LedgerEntry.find(
      { fundId: { $in: fundIds }, at: { $gte: new Date(boundary.getTime() - RECENT_MS), $lt: boundary } },
      { fundId: 1, seq: 1, balanceAfter: 1 },
    ).lean<Pick<LedgerEntryDoc, 'fundId' | 'seq' | 'balanceAfter'>[]>();
    const last = new Map<string, Pick<LedgerEntryDoc, 'seq' | 'balanceAfter'>>();
    for (const entry of recent) {
      if ((last.get(entry.fundId)?.seq ?? 0) < entry.seq) last.set(entry.fundId, entry);
    }
    const result = new Map([...last].map(([fundId, entry]) => [fundId, pickBalance(entry.balanceAfter)]));
    const quiet = fundIds.filter((id) => !last.has(id));
    for (let i = 0; i < quiet.length; i += BALANCE_READS_AT_ONCE) {
      const slice = quiet.slice(i, i + BALANCE_READS_AT_ONCE);
      const found = await Promise.all(slice.map((fundId) => balanceBefore(fundId, boundary)));
      slice.forEach((fundId, k) => result.set(fundId, found[k]!));
    }
    return result;
  }

  /** Sums of the period's entries per fund and kind, added up by the database. */
  async function flows(fundIds: string[], period: SummaryPeriod): Promise<Map<string, FundFigures>> {
    const rows = await models.LedgerEntry.aggregate<{ _id: { fundId: string; kind: LedgerEntryKind }; amount: number }>(
      [
        { $match: { fundId: { $in: fundIds }, at: { $gte: period.start, $lt: period.end } } },
        { $group: { _id: { fundId: '$fundId', kind: '$kind' }, amount: { $sum: '$amount' } } },
      ],
    );
    const byFund = new Map<string, FundFigures>();
    for (const row of rows) {
      const figures = byFund.get(row._id.fundId) ?? emptyFigures();
      figures[FIGURE_OF_KIND[row._id.kind]] += row.amount;
      byFund.set(row._id.fundId, figures);
    }
    return byFund;
  }

  async function balances(fundIds: string[], period: SummaryPeriod) {
    const [opening, closing] = await Promise.all([
      balancesBefore(fundIds, period.start),
      balancesBefore(fundIds, period.end),
    ]);
    return new Map(fundIds.map((id) => [id, { opening: opening.get(id)!, closing: closing.get(id)! }]));
  }

  return {
    async summarize(query: FundSummaryQuery): Promise<FundSummary> {
      const unit = await models.Unit.findById(query.unit).lean<UnitDoc>();
      if (!unit) throw new NotFoundError(`unit ${query.unit}`);
      const codes = query.includeBelow ? [...(await subtreeOf(models, [unit._id]))] : [unit._id];
      const [units, funds] = await Promise.all([
        models.Unit.find({ _id: { $in: codes } }).lean<UnitDoc[]>(),
        models.Fund.find({ unitCode: { $in: codes } })
          .sort({ unitCode: 1, createdAt: 1, _id: 1 })
          .lean<FundDoc[]>(),
      ]);
      const fundIds = funds.map((f) => f._id);
      const [moved, bounds] = await Promise.all([flows(fundIds, query.period), balances(fundIds, query.period)]);

      const rows = funds.map((fund) => ({
        fundId: fund._id,
        name: fund.name,
        kind: fund.kind,
        unitCode: fund.unitCode,
        active: fund.active,
        figures: { ...(moved.get(fund._id) ?? emptyFigures()), ...bounds.get(fund._id)! },
      }));
      const kinds = FUND_KINDS.filter((kind) => rows.some((r) => r.kind === kind));
      const unitNames = new Map(units.map((u) => [u._id, u]));
      const unitCodes = [...new Set(rows.map((r) => r.unitCode))].sort();
      return {
        unit: unit._id,
        includeBelow: query.includeBelow,
        from: query.period.from,
        to: query.period.to,
        period: { start: query.period.start.toISOString(), end: query.period.end.toISOString() },
        funds: rows,
        byKind: kinds.map((kind: FundKind) => {
          const own = rows.filter((r) => r.kind === kind);
          return {
            kind,
            label: FUND_KIND_LABELS[kind],
            funds: own.length,
            figures: sumFigures(own.map((r) => r.figures)),
          };
        }),
        byUnit: unitCodes.map((code) => {
          const own = rows.filter((r) => r.unitCode === code);
          const stored = unitNames.get(code);
          return {
            unitCode: code,
            name: stored?.name ?? code,
            level: stored?.level ?? unit.level,
            funds: own.length,
            figures: sumFigures(own.map((r) => r.figures)),
          };
        }),
        total: sumFigures(rows.map((r) => r.figures)),
      };
    },
  };
}

/** The four numbers of a stored balance, without whatever else the driver hands back. */
const pickBalance = (b: LedgerBalance): LedgerBalance => ({
  received: b.received,
  committed: b.committed,
  paid: b.paid,
  available: b.available,
});
