import { supportResultsOf, type ResultDossier, type ResultEntry } from '../../../../domain/reports/support-results-of';

const Q = { unitCode: 'HN-HD', from: '2025-01-01', to: '2025-03-31' };

const dossier = (id: string, over: Partial<ResultDossier> = {}): ResultDossier => ({
  id,
  programme: 'housing',
  facts: { supportType: 'new_build' },
  unitCode: 'HN-HD-HC',
  openedDay: '2025-01-10',
  closedDay: null,
  outcome: null,
  closedOnTime: null,
  hasCommitment: false,
  ...over,
});
let seq = 0;
const entry = (
  dossierId: string | null,
  kind: ResultEntry['kind'],
  amount: number,
  day = '2025-02-01',
  fundId = 'F1',
) => ({ fundId, seq: ++seq, kind, amount, day, dossierId }) satisfies ResultEntry;

describe('support results (the aggregation rules)', () => {
  it('counts a dossier opened, approved by its money, completed on time, with one row per programme, type and unit', () => {
    const d = dossier('A', { closedDay: '2025-03-01', outcome: 'completed', closedOnTime: true, hasCommitment: true });
    const r = supportResultsOf(Q, [d], [entry('A', 'commitment', 100), entry('A', 'payment', 60)]);
    expect(r.counts).toEqual([
      {
        programme: 'housing',
        supportType: 'new_build',
        unitCode: 'HN-HD-HC',
        proposed: 1,
        approved: 1,
        completed: 1,
        rejected: 0,
        beneficiaries: 1,
        housesBuilt: 1,
        housesRepaired: 0,
        closedOnTime: 1,
        closedLate: 0,
      },
    ]);
    expect(r.money).toEqual([
      {
        programme: 'housing',
        supportType: 'new_build',
        unitCode: 'HN-HD-HC',
        fundId: 'F1',
        dossiers: 1,
        committed: 100,
        paid: 60,
      },
    ]);
  });

  it('does not count what happened outside the period, nor entries of dossiers not given', () => {
    const before = dossier('B', {
      openedDay: '2024-12-31',
      closedDay: '2025-04-01',
      outcome: 'completed',
      closedOnTime: false,
      hasCommitment: true,
    });
    const r = supportResultsOf(
      Q,
      [before],
      [
        entry('B', 'commitment', 50, '2024-12-31'),
        entry('B', 'payment', 50, '2025-04-01'),
        entry('X', 'commitment', 70),
        entry(null, 'receipt', 1000),
      ],
    );
    expect(r.counts).toEqual([]);
    expect(r.money).toEqual([]);
  });

  it('approves a dossier with money by its net commitment in the period, not by its outcome', () => {
    const refusedThenApproved = dossier('C', { hasCommitment: true });
    const releasedOnly = dossier('D', {
      openedDay: '2024-11-01',
      closedDay: '2025-02-10',
      outcome: 'rejected',
      hasCommitment: true,
    });
    const completedPaidOnly = dossier('E', {
      openedDay: '2024-11-01',
      closedDay: '2025-02-10',
      outcome: 'completed',
      hasCommitment: true,
    });
    const r = supportResultsOf(
      Q,
      [refusedThenApproved, releasedOnly, completedPaidOnly],
      [
        entry('C', 'commitment', 30, '2025-01-15'),
        entry('C', 'release', 30, '2025-01-15'),
        entry('C', 'commitment', 30, '2025-01-20', 'F2'),
        entry('D', 'release', 40),
        entry('E', 'payment', 20),
      ],
    );
    const row = r.counts[0]!;
    expect(row).toMatchObject({ proposed: 1, approved: 1, completed: 1, rejected: 1, beneficiaries: 1 });
    expect(r.money).toEqual([
      expect.objectContaining({ fundId: 'F1', dossiers: 1, committed: -40, paid: 20 }),
      expect.objectContaining({ fundId: 'F2', dossiers: 1, committed: 30, paid: 0 }),
    ]);
  });

  it('approves a dossier whose decision date is a fact on that date, not on the day its money was committed', () => {
    const decided = (id: string, decidedOn: string, over: Partial<ResultDossier> = {}) =>
      dossier(id, {
        facts: { supportType: 'new_build', beneficiaries: 2, decidedOn },
        openedDay: '2026-12-05',
        hasCommitment: true,
        ...over,
      });
    const r = supportResultsOf(
      Q,
      [
        decided('IN', '2025-03-05'),
        decided('AFTER', '2025-04-01'),
        decided('WITHDRAWN', '2025-02-01', { closedDay: '2026-12-06', outcome: 'withdrawn' }),
      ],
      // Committed on the day the records were entered, long after the period.
      ['IN', 'AFTER', 'WITHDRAWN'].map((id) => entry(id, 'commitment', 60, '2026-12-05')),
    );
    expect(r.counts).toEqual([expect.objectContaining({ proposed: 0, approved: 1, beneficiaries: 2 })]);
    // The money stays on its posting day: nothing committed in the period.
    expect(r.money).toEqual([]);
  });

  it('approves a dossier without money when it closes completed, covering its fact beneficiaries', () => {
    const list = dossier('L', {
      programme: 'health_insurance',
      facts: { beneficiaries: 12 },
      closedDay: '2025-03-31',
      outcome: 'completed',
      closedOnTime: false,
    });
    const withdrawn = dossier('W', {
      programme: 'health_insurance',
      facts: { beneficiaries: 5 },
      closedDay: '2025-02-01',
      outcome: 'withdrawn',
    });
    const r = supportResultsOf(Q, [list, withdrawn], []);
    expect(r.counts).toEqual([
      expect.objectContaining({
        programme: 'health_insurance',
        supportType: null,
        proposed: 2,
        approved: 1,
        completed: 1,
        rejected: 1,
        beneficiaries: 12,
        closedOnTime: 0,
        closedLate: 1,
      }),
    ]);
  });

  it('nets payment reversals and keeps a fund row whose only movement is a release', () => {
    const d = dossier('P', { openedDay: '2024-01-01', hasCommitment: true });
    const r = supportResultsOf(
      Q,
      [d],
      [entry('P', 'payment', 80), entry('P', 'payment_reversal', 80), entry('P', 'release', 10)],
    );
    expect(r.money).toEqual([expect.objectContaining({ dossiers: 0, committed: -10, paid: 0 })]);
    expect(r.counts).toEqual([]);
  });

  it('sorts rows by programme, support type and unit', () => {
    const r = supportResultsOf(
      Q,
      [
        dossier('1', { unitCode: 'U2' }),
        dossier('2', { facts: { supportType: 'repair' } }),
        dossier('3', { programme: 'education', facts: {} }),
        dossier('4', { unitCode: 'U1' }),
      ],
      [],
    );
    expect(r.counts.map((c) => [c.programme, c.supportType, c.unitCode])).toEqual([
      ['education', null, 'HN-HD-HC'],
      ['housing', 'new_build', 'U1'],
      ['housing', 'new_build', 'U2'],
      ['housing', 'repair', 'HN-HD-HC'],
    ]);
  });
});
