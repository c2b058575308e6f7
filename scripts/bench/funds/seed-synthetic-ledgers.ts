import { randomUUID } from 'node:crypto';
import type { FundKind } from '../../../domain/funds/fund-kinds';
import { EMPTY_BALANCE, isRefusal, nextBalance } from '../../../domain/funds/ledger-balance';
import type { Level } from '../../../domain/process/process-definition';
import type { Models } from '../../../storage/create-models';
import type { LedgerEntryDoc } from '../../../storage/ledger-entry-schema';
import { randomLedgerEntry } from './random-ledger-entry';
import { createRandom } from '../sla/synthetic-dossier';

/** The synthetic province: four districts of five communes. */
export const PROVINCE = 'BF';
export const DISTRICTS = [1, 2, 3, 4].map((d) => `${PROVINCE}-D${d}`);
const communesOf = (district: string) => [1, 2, 3, 4, 5].map((c) => `${district}-C${c}`);
/** The two years the entries are spread over, in Việt Nam time. */
export const FIRST_DAY = '2024-01-01';
export const LAST_DAY = '2025-12-31';

const KINDS: FundKind[] = ['state_budget', 'fund_for_the_poor', 'mass_organisation', 'sponsor', 'business'];

/**
 * Seeds the province's units, funds (3 at the province and each district, 2 at each commune: 55) and `count` ledger
 * entries spread evenly over the funds and over {@link FIRST_DAY}..{@link LAST_DAY}, each fund's in time order with
 * `seq` 1..n and `balanceAfter` from nextBalance, as createLedger would have written them (inserted in bulk, since
 * appending 100,000 entries one by one is not what is measured). Kinds are drawn among those the balance allows.
 */
export async function seedSyntheticLedgers(models: Models, count: number): Promise<void> {
  const rnd = createRandom(count);
  const units: { _id: string; level: Level; parentCode: string | null }[] = [
    { _id: PROVINCE, level: 'province', parentCode: null },
    ...DISTRICTS.flatMap((d) => [
      { _id: d, level: 'district' as const, parentCode: PROVINCE },
      ...communesOf(d).map((c) => ({ _id: c, level: 'commune' as const, parentCode: d })),
    ]),
  ];
  await models.Unit.insertMany(
    units.map((u) => ({
      ...u,
      name: `Đơn vị ${u._id}`,
      effectiveFrom: '2020-01-01',
      effectiveTo: null,
      successorCode: null,
    })),
  );
  const funds = units.flatMap((u) =>
    Array.from({ length: u.level === 'commune' ? 2 : 3 }, (_, i) => ({
      _id: randomUUID(),
      unitCode: u._id,
      level: u.level,
      kind: KINDS[Math.floor(rnd() * KINDS.length)]!,
      name: `Quỹ ${i + 1} ${u._id}`,
      campaignFrom: null,
      campaignTo: null,
      active: true,
      createdAt: new Date(),
      createdBy: 'bench',
    })),
  );
  await models.Fund.insertMany(funds);

  const start = Date.parse(`${FIRST_DAY}T00:00:00+07:00`);
  const span = Date.parse(`${LAST_DAY}T00:00:00+07:00`) + 86_400_000 - start;
  for (const [f, fund] of funds.entries()) {
    const n = Math.floor(count / funds.length) + (f < count % funds.length ? 1 : 0);
    const times = Array.from({ length: n }, () => start + Math.floor(rnd() * span)).sort((a, b) => a - b);
    let balance = { ...EMPTY_BALANCE };
    const entries: LedgerEntryDoc[] = [];
    for (const [i, at] of times.entries()) {
      const { kind, amount } = randomLedgerEntry(balance, rnd, 500_000_000);
      const next = nextBalance(balance, kind, amount);
      if (isRefusal(next)) throw new Error(`synthetic ledger: ${next.refused}`);
      balance = next;
      entries.push({
        _id: randomUUID(),
        fundId: fund._id,
        seq: i + 1,
        kind,
        amount,
        dossierId: null,
        reference: `bench-${i + 1}`,
        by: 'bench',
        at: new Date(at),
        valueDate: null,
        note: null,
        balanceAfter: balance,
      });
    }
    for (let i = 0; i < entries.length; i += 1000)
      await models.LedgerEntry.collection.insertMany(entries.slice(i, i + 1000) as never[]);
  }
}
