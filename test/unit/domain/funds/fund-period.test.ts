import fc from 'fast-check';
import { fundPeriod, netByDossier, type DatedEntry } from '../../../../domain/funds/fund-period';
import { balanceOf, LEDGER_ENTRY_KINDS } from '../../../../domain/funds/ledger-balance';

const M = 1_000_000;
let seq = 0;
const entry = (kind: DatedEntry['kind'], amount: number, day: string, dossierId: string | null = null): DatedEntry => ({
  seq: ++seq,
  kind,
  amount: amount * M,
  day,
  dossierId,
});

describe('fundPeriod', () => {
  const ledger = [
    entry('receipt', 300, '2026-02-20'),
    entry('commitment', 40, '2026-02-25', 'D0'),
    entry('commitment', 100, '2026-03-02', 'D1'),
    entry('payment', 40, '2026-03-06', 'D0'),
    entry('release', 20, '2026-03-31', 'D1'),
    entry('payment', 80, '2026-04-01', 'D1'),
  ];

  it('opens with the balance of the entries before the period and closes with the ledger balance of its last entry', () => {
    const period = fundPeriod(ledger, '2026-03-01', '2026-03-31');
    expect(period.opening).toEqual(balanceOf(ledger.slice(0, 2)));
    expect(period.rows.map((r) => r.entry.seq)).toEqual([3, 4, 5].map((n) => ledger[n - 1]!.seq));
    period.rows.forEach((row, i) => expect(row.balance).toEqual(balanceOf(ledger.slice(0, 3 + i))));
    expect(period.closing).toEqual(balanceOf(ledger.slice(0, 5)));
    expect(period).toMatchObject({ received: 0, committed: 100 * M, released: 20 * M, paid: 40 * M, reversed: 0 });
  });

  it('an empty period keeps the opening balance as its closing one', () => {
    const period = fundPeriod(ledger, '2026-03-07', '2026-03-30');
    expect(period.rows).toEqual([]);
    expect(period.closing).toEqual(period.opening);
  });

  it('orders by day, so a receipt dated before commitments recorded earlier still adds up', () => {
    const late = [
      entry('receipt', 10, '2026-03-01'),
      entry('commitment', 10, '2026-03-02', 'D'),
      entry('receipt', 5, '2026-02-01'),
    ];
    const period = fundPeriod(late, '2026-01-01', '2026-12-31');
    expect(period.rows.map((r) => r.entry.day)).toEqual(['2026-02-01', '2026-03-01', '2026-03-02']);
    expect(period.closing).toEqual({ received: 15 * M, committed: 10 * M, paid: 0, available: 5 * M });
  });

  it('holds the identities of fund figures (closing = opening + the period sums), for any entries and any period', () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            kind: fc.constantFrom(...LEDGER_ENTRY_KINDS),
            amount: fc.integer({ min: 1, max: 10 ** 9 }),
            day,
          }),
        ),
        day,
        day,
        (raw, a, b) => {
          const [from, to] = a <= b ? [a, b] : [b, a];
          const entries = raw.map((e, i) => ({ ...e, seq: i + 1, dossierId: null }));
          const f = fundPeriod(entries, from, to);
          const sum = (kind: DatedEntry['kind']) =>
            entries.filter((e) => e.kind === kind && e.day >= from && e.day <= to).reduce((s, e) => s + e.amount, 0);
          expect([f.received, f.committed, f.released, f.paid, f.reversed]).toEqual(
            (['receipt', 'commitment', 'release', 'payment', 'payment_reversal'] as const).map(sum),
          );
          expect(f.closing.received).toBe(f.opening.received + f.received);
          expect(f.closing.committed).toBe(f.opening.committed + f.committed - f.released - f.paid + f.reversed);
          expect(f.closing.paid).toBe(f.opening.paid + f.paid - f.reversed);
          expect(f.closing.available).toBe(f.opening.available + f.received - f.committed + f.released);
        },
      ),
    );
  });
});

describe('netByDossier', () => {
  it('nets payments and reversals per dossier, leaves out those at zero, dates each by its last payment', () => {
    const rows = [
      entry('payment', 40, '2026-03-06', 'D0'),
      entry('payment', 80, '2026-03-16', 'D2'),
      entry('payment', 30, '2026-03-20', 'D0'),
      entry('payment_reversal', 80, '2026-03-17', 'D2'),
      entry('commitment', 50, '2026-03-18', 'D3'),
      entry('receipt', 50, '2026-03-18'),
    ].map((e) => ({ entry: e }));
    expect(netByDossier(rows, 'payment', 'payment_reversal')).toEqual([
      { dossierId: 'D0', amount: 70 * M, day: '2026-03-20' },
    ]);
    expect(netByDossier(rows, 'commitment', 'release')).toEqual([
      { dossierId: 'D3', amount: 50 * M, day: '2026-03-18' },
    ]);
  });
});
