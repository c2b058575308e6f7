// The fund summary against the real FerretDB: random ledgers (several funds of several kinds at a district and its
// communes; receipts, commitments, releases, payments and reversals spread over a year, appended through the ledger
// service) and random periods. Every figure must equal what the test adds up itself from a plain find() of the
// entries, and these identities must hold for every fund row and every total:
//   opening / closing = balanceOf(the fund's entries recorded before the period's start / end), recomputed here;
//   closing.received  = opening.received  + received
//   closing.committed = opening.committed + committed − released − paid + reversed
//   closing.paid      = opening.paid      + paid − reversed
//   closing.available = opening.available + received − committed + released
//   each total per kind / per unit = the sum of its fund rows; the grand total = Σ kinds = Σ units = Σ funds.
import { createFundSummary } from '../../api/funds/create-fund-summary';
import { createLedger, type Ledger } from '../../api/funds/create-ledger';
import { summaryPeriod } from '../../api/funds/summary-period';
import type { FundSummary, FundSummaryFigures } from '../../api-contract';
import { sumFigures } from '../../domain/funds/fund-figures';
import { FUND_KINDS, type FundKind } from '../../domain/funds/fund-kinds';
import { balanceOf, EMPTY_BALANCE, LEDGER_ENTRY_KINDS, type LedgerEntryKind } from '../../domain/funds/ledger-balance';
import type { Level } from '../../domain/process/process-definition';
import type { LedgerEntryDoc } from '../../storage/ledger-entry-schema';
import { insertFund } from './support/insert-fund';
import { randomLedgerEntry } from '../../scripts/bench/funds/random-ledger-entry';
import { createRandom } from '../../scripts/bench/sla/synthetic-dossier';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A seeded generator, so that a failing case can be run again from its seed. */
function random(seed: number) {
  const next = createRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { next, int, pick: <T>(items: readonly T[]): T => items[int(0, items.length - 1)]! };
}

/** A local date in Việt Nam, written independently of domain/time: UTC+7. */
const vnDate = (t: number) => new Date(t + 7 * HOUR).toISOString().slice(0, 10);
const vnStart = (date: string) => Date.parse(`${date}T00:00:00+07:00`);

async function newUnit(code: string, level: Level, parentCode: string | null): Promise<void> {
  await ctx.system.models.Unit.create({
    _id: code,
    name: `Đơn vị thử ${code}`,
    level,
    parentCode,
    effectiveFrom: '2020-01-01',
    effectiveTo: null,
    successorCode: null,
  });
}

const newFund = (unitCode: string, level: Level, kind: FundKind, name: string): Promise<string> =>
  insertFund(ctx.system.models, { unitCode, level, kind, name });

const YEAR_START = vnStart('2025-01-01');
const M = 1_000_000;

/**
 * One fund's random ledger over 2025: `count` entries at increasing random instants, each one the balance allows
 * (randomLedgerEntry, shared with `npm run bench:funds`), so every append succeeds.
 */
async function randomLedger(ledger: Ledger, fundId: string, seed: number, count: number): Promise<void> {
  const rnd = random(seed);
  const times = Array.from({ length: count }, () => YEAR_START + rnd.int(0, 365 * DAY - 1)).sort((a, b) => a - b);
  let balance = { ...EMPTY_BALANCE };
  for (const [i, at] of times.entries()) {
    const { kind, amount } = randomLedgerEntry(balance, rnd.next, 200 * M);
    const write = { amount, reference: `r${i}`, by: 'quy.test', at: new Date(at) };
    const entry = await {
      receipt: ledger.receive,
      commitment: ledger.commit,
      release: ledger.release,
      payment: ledger.pay,
      payment_reversal: ledger.reversePayment,
    }[kind](fundId, write);
    balance = entry.balanceAfter;
  }
}

interface Scope {
  district: string;
  communes: string[];
  funds: { id: string; unitCode: string; kind: FundKind }[];
}

/** A district with two communes under HN, funds of random kinds at each, and their random ledgers. */
async function randomScope(seed: number): Promise<Scope> {
  const rnd = random(seed);
  const district = `HN-S${seed}`;
  const communes = [`${district}-A`, `${district}-B`];
  await newUnit(district, 'district', 'HN');
  for (const c of communes) await newUnit(c, 'commune', district);
  const ledger = createLedger({ models: ctx.system.models });
  const funds: Scope['funds'] = [];
  for (const [unitCode, level, n] of [
    [district, 'district', 3],
    [communes[0]!, 'commune', 2],
    [communes[1]!, 'commune', 1],
  ] as const) {
    for (let i = 0; i < n; i++) {
      const kind = rnd.pick(FUND_KINDS);
      funds.push({ id: await newFund(unitCode, level, kind, `Quỹ thử ${unitCode} ${i}`), unitCode, kind });
    }
  }
  await Promise.all(funds.map((f, i) => randomLedger(ledger, f.id, seed * 100 + i, rnd.int(10, 30))));
  // The ledgers hold every kind of entry, so that no figure is checked only as zero against zero.
  const kinds = await ctx.system.models.LedgerEntry.distinct('kind', { fundId: { $in: funds.map((f) => f.id) } });
  expect(kinds.sort()).toEqual([...LEDGER_ENTRY_KINDS].sort());
  return { district, communes, funds };
}

/** What the summary must say about one fund, from a plain find() of its entries. */
function expectedFigures(entries: LedgerEntryDoc[], start: number, end: number): FundSummaryFigures {
  const inPeriod = entries.filter((e) => e.at.getTime() >= start && e.at.getTime() < end);
  const sum = (kind: LedgerEntryKind) => inPeriod.filter((e) => e.kind === kind).reduce((s, e) => s + e.amount, 0);
  return {
    opening: balanceOf(entries.filter((e) => e.at.getTime() < start)),
    received: sum('receipt'),
    committed: sum('commitment'),
    released: sum('release'),
    paid: sum('payment'),
    reversed: sum('payment_reversal'),
    closing: balanceOf(entries.filter((e) => e.at.getTime() < end)),
  };
}

function expectIdentities(f: FundSummaryFigures): void {
  expect(f.closing.received).toBe(f.opening.received + f.received);
  expect(f.closing.committed).toBe(f.opening.committed + f.committed - f.released - f.paid + f.reversed);
  expect(f.closing.paid).toBe(f.opening.paid + f.paid - f.reversed);
  expect(f.closing.available).toBe(f.opening.available + f.received - f.committed + f.released);
}

/** Checks a summary of `funds` for the period against the entries and the identities above. */
async function expectSummaryOfLedger(
  summary: FundSummary,
  funds: Scope['funds'],
  from: string,
  to: string,
): Promise<void> {
  const start = vnStart(from);
  const end = vnStart(to) + DAY;
  expect(summary.period).toEqual({ start: new Date(start).toISOString(), end: new Date(end).toISOString() });
  const entries = await ctx.system.models.LedgerEntry.find({ fundId: { $in: funds.map((f) => f.id) } })
    .sort({ seq: 1 })
    .lean<LedgerEntryDoc[]>();
  expect(summary.funds.map((r) => r.fundId).sort()).toEqual(funds.map((f) => f.id).sort());
  for (const row of summary.funds) {
    const fund = funds.find((f) => f.id === row.fundId)!;
    expect({ kind: row.kind, unitCode: row.unitCode }).toEqual({ kind: fund.kind, unitCode: fund.unitCode });
    expect(row.figures).toEqual(
      expectedFigures(
        entries.filter((e) => e.fundId === row.fundId),
        start,
        end,
      ),
    );
    expectIdentities(row.figures);
  }
  for (const group of summary.byKind) {
    const rows = summary.funds.filter((r) => r.kind === group.kind);
    expect(group.funds).toBe(rows.length);
    expect(group.figures).toEqual(sumFigures(rows.map((r) => r.figures)));
    expectIdentities(group.figures);
  }
  for (const group of summary.byUnit) {
    const rows = summary.funds.filter((r) => r.unitCode === group.unitCode);
    expect(group.funds).toBe(rows.length);
    expect(group.figures).toEqual(sumFigures(rows.map((r) => r.figures)));
  }
  expect(summary.byKind.map((g) => g.kind).sort()).toEqual([...new Set(funds.map((f) => f.kind))].sort());
  expect(summary.byUnit.map((g) => g.unitCode).sort()).toEqual([...new Set(funds.map((f) => f.unitCode))].sort());
  const grand = sumFigures(summary.funds.map((r) => r.figures));
  expect(summary.total).toEqual(grand);
  expect(sumFigures(summary.byKind.map((g) => g.figures))).toEqual(grand);
  expect(sumFigures(summary.byUnit.map((g) => g.figures))).toEqual(grand);
  expectIdentities(summary.total);
  // The grand total's flows are the plain sums of every entry of the scope in the period.
  const inPeriod = entries.filter((e) => e.at.getTime() >= start && e.at.getTime() < end);
  expect(summary.total.received + summary.total.committed + summary.total.released + summary.total.paid).toBe(
    inPeriod.filter((e) => e.kind !== 'payment_reversal').reduce((s, e) => s + e.amount, 0),
  );
}

describe('the fund summary', () => {
  describe.each([11, 29, 47])('on random ledgers (seed %i)', (seed) => {
    let scope: Scope;
    beforeAll(async () => {
      scope = await randomScope(seed);
    });

    it('equals the ledger for random periods, with and without the units below', async () => {
      const summaries = createFundSummary({ models: ctx.system.models });
      const rnd = random(seed + 1);
      const periods: [string, string][] = [
        ['2025-01-01', '2025-12-31'],
        ['2024-01-01', '2024-12-31'],
        ['2026-01-01', '2026-03-31'],
      ];
      for (let i = 0; i < 8; i++) {
        const a = YEAR_START + rnd.int(-30, 395) * DAY;
        const b = a + rnd.int(0, 120) * DAY;
        periods.push([vnDate(a), vnDate(b)]);
      }
      for (const [from, to] of periods) {
        const below = await summaries.summarize({
          unit: scope.district,
          includeBelow: true,
          period: summaryPeriod(from, to),
        });
        await expectSummaryOfLedger(below, scope.funds, from, to);
        const own = await summaries.summarize({
          unit: scope.communes[0]!,
          includeBelow: false,
          period: summaryPeriod(from, to),
        });
        await expectSummaryOfLedger(
          own,
          scope.funds.filter((f) => f.unitCode === scope.communes[0]),
          from,
          to,
        );
      }
    });
  });

  it('counts an entry at 23:30 Việt Nam time on the last day, and not one at 00:00 the next day', async () => {
    await newUnit('HN-DAY', 'district', 'HN');
    const fundId = await newFund('HN-DAY', 'district', 'state_budget', 'Ngân sách quận thử');
    const ledger = createLedger({ models: ctx.system.models });
    const at = (iso: string) => ({ by: 'quy.test', at: new Date(iso) });
    // 00:00 on 1 March in Việt Nam is still 28 February in UTC, and counts; 00:00 on 1 April in Việt Nam is still
    // 31 March in UTC, and does not: a period of UTC days would get both wrong.
    await ledger.receive(fundId, { amount: 100 * M, reference: 'before', ...at('2025-02-28T23:59:59.999+07:00') });
    await ledger.receive(fundId, { amount: 7 * M, reference: 'first', ...at('2025-03-01T00:00:00+07:00') });
    await ledger.commit(fundId, { amount: 30 * M, reference: 'last', ...at('2025-03-31T23:30:00+07:00') });
    await ledger.pay(fundId, { amount: 10 * M, reference: 'after', ...at('2025-04-01T00:00:00+07:00') });

    const summary = await createFundSummary({ models: ctx.system.models }).summarize({
      unit: 'HN-DAY',
      includeBelow: false,
      period: summaryPeriod('2025-03-01', '2025-03-31'),
    });
    expect(summary.total).toEqual({
      opening: { received: 100 * M, committed: 0, paid: 0, available: 100 * M },
      received: 7 * M,
      committed: 30 * M,
      released: 0,
      paid: 0,
      reversed: 0,
      closing: { received: 107 * M, committed: 30 * M, paid: 0, available: 77 * M },
    });
  });
});

describe('GET /api/funds/summary', () => {
  const url = (unit: string, from = '2025-01-01', to = '2025-12-31', below = false) =>
    `/api/funds/summary?unit=${unit}&from=${from}&to=${to}${below ? '&includeBelow=true' : ''}`;

  it('answers what the summary computes, with the kinds named in Vietnamese, to a role at the unit or above', async () => {
    const fundId = await newFund('HN-HD-HC', 'commune', 'fund_for_the_poor', 'Quỹ Vì người nghèo phường Hà Cầu');
    const ledger = createLedger({ models: ctx.system.models });
    await ledger.receive(fundId, { amount: 80 * M, reference: 'r', by: 'quy.test', at: new Date('2025-06-01') });
    await ledger.commit(fundId, { amount: 50 * M, reference: 'c', by: 'quy.test', at: new Date('2025-07-01') });

    const district = await ctx.api.call('GET', url('HN-HD', '2025-01-01', '2025-12-31', true), { as: 'quan.hadong' });
    expect(district.status).toBe(200);
    const computed = await createFundSummary({ models: ctx.system.models }).summarize({
      unit: 'HN-HD',
      includeBelow: true,
      period: summaryPeriod('2025-01-01', '2025-12-31'),
    });
    expect(district.body).toEqual(JSON.parse(JSON.stringify(computed)));
    const poor = district.body.byKind.find((g: { kind: string }) => g.kind === 'fund_for_the_poor');
    expect(poor.label).toEqual({ vi: 'Quỹ Vì người nghèo', en: 'Fund for the Poor' });
    expect(district.body.byUnit.find((g: { unitCode: string }) => g.unitCode === 'HN-HD-HC')).toMatchObject({
      name: 'Phường Hà Cầu',
      funds: 1,
      figures: { received: 80 * M, committed: 50 * M, closing: { available: 30 * M } },
    });

    // Without includeBelow the district's own funds only: none of the commune's.
    const own = await ctx.api.call('GET', url('HN-HD'), { as: 'quan.hadong' });
    expect(own.body.funds.map((f: { fundId: string }) => f.fundId)).not.toContain(fundId);
    expect((await ctx.api.call('GET', url('HN-HD-HC'), { as: 'tp.hanoi' })).status).toBe(200);
    expect((await ctx.api.call('GET', url('HN-HD-HC'), { as: 'xa.hacau' })).status).toBe(200);
  });

  it.each([
    ['a unit above the caller', 'quan.hadong', url('HN'), 403],
    ['a sibling commune', 'xa.hacau', url('HN-HD-YN'), 403],
    ['an unknown unit', 'tp.hanoi', url('HN-NOPE'), 404],
  ])('refuses %s', async (_what, who, path, status) => {
    expect((await ctx.api.call('GET', path, { as: who })).status).toBe(status);
  });

  it.each([
    ['to before from', url('HN-HD', '2025-03-02', '2025-03-01'), '/query/to'],
    ['a day that does not exist', url('HN-HD', '2025-02-29', '2025-03-01'), '/query/from'],
    ['no unit', '/api/funds/summary?from=2025-01-01&to=2025-01-31', '/query/unit'],
    ['no to', '/api/funds/summary?unit=HN-HD&from=2025-01-01', '/query/to'],
  ])('answers 422 at the field for %s', async (_what, path, field) => {
    const answer = await ctx.api.call('GET', path, { as: 'quan.hadong' });
    expect(answer.status).toBe(422);
    expect(answer.body.error.fields).toEqual([expect.objectContaining({ path: field })]);
  });
});
