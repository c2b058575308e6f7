import { addAtPath } from '../../../../read-model/sla/add-at-path';
import { openBucketOf } from '../../../../read-model/sla/open-bucket-of';
import {
  ALL_UNITS_SCOPE,
  parseOpenEntry,
  slaCounterContributions,
  type CountedFields,
} from '../../../../read-model/sla/sla-counter-contributions';
import { vietnamMonthOf } from '../../../../domain/time/vietnam-month-of';
import { finishedMonths } from '../../../../api/sla/finished-months';

const hour = 3600_000;
const at = new Date('2026-03-10T03:00:00Z');
const open: CountedFields = {
  unitChain: ['HN-HD-HC', 'HN-HD', 'HN'],
  receivingUnit: 'HN-HD-HC',
  processKey: 'housing-support-2024',
  programme: 'housing',
  closedAt: null,
  closedOnTime: null,
  currentStep: 'district-review',
  currentRole: 'district_officer',
  currentLevel: 'district',
  processingUnit: 'HN-HD',
  status: 'in_progress',
  openBucket: 'not_due',
};

describe('openBucketOf', () => {
  const base = {
    currentStep: 'review',
    status: 'in_progress' as const,
    dueAt: new Date(at.getTime() + 2 * hour),
    nearDueAt: new Date(at.getTime() + hour),
    timeliness: null,
  };
  it('follows what the timers recorded while the clock runs', () => {
    expect(openBucketOf({ ...base, timeliness: 'near_due' }, at)).toBe('near_due');
    expect(openBucketOf({ ...base, timeliness: 'overdue' }, at)).toBe('overdue');
    expect(openBucketOf({ ...base, timeliness: 'not_due' }, at)).toBe('not_due');
  });
  it('is stopped while the dossier awaits a supplement or has no due time, and null once closed', () => {
    expect(openBucketOf({ ...base, status: 'awaiting_supplement', timeliness: 'overdue' }, at)).toBe('stopped');
    expect(openBucketOf({ ...base, dueAt: null }, at)).toBe('stopped');
    expect(openBucketOf({ ...base, currentStep: null }, at)).toBeNull();
  });
  it('reads the due times at projection for a run without a clock', () => {
    expect(openBucketOf(base, at)).toBe('not_due');
    expect(openBucketOf(base, new Date(at.getTime() + 1.5 * hour))).toBe('near_due');
    expect(openBucketOf(base, new Date(at.getTime() + 3 * hour))).toBe('overdue');
  });
});

describe('slaCounterContributions', () => {
  it('counts an open dossier once per unit of its chain and once for all units, by bucket', () => {
    const c = slaCounterContributions(open);
    expect(c.map((x) => x.key.scope)).toEqual(['HN-HD-HC', 'HN-HD', 'HN', ALL_UNITS_SCOPE]);
    expect(
      c.every(
        (x) =>
          x.path === 'c.district_officer|district|housing|in_progress|not_due' &&
          x.key.kind === 'open' &&
          x.key.processingUnit === 'HN-HD',
      ),
    ).toBe(true);
    expect(new Set(c.map((x) => x.id)).size).toBe(4);
    expect(parseOpenEntry(c[0]!.path.slice(2))).toEqual({
      role: 'district_officer',
      level: 'district',
      programme: 'housing',
      status: 'in_progress',
      bucket: 'not_due',
    });
  });
  it('counts a finished dossier per unit of its chain in its month of closing (Việt Nam time), on time or late', () => {
    const closed = {
      ...open,
      currentStep: null,
      openBucket: null,
      closedAt: new Date('2026-02-28T18:00:00Z'),
      closedOnTime: false,
    };
    const c = slaCounterContributions(closed);
    expect(c).toHaveLength(6);
    expect(c[0]).toMatchObject({
      path: 'm.2026-03.late',
      key: { kind: 'finished', scope: 'HN-HD-HC', receivingUnit: 'HN-HD-HC', processKey: 'housing-support-2024' },
    });
    // Once more per scope for all its units, so per-procedure rates read one document per procedure.
    expect(c[1]).toMatchObject({
      path: 'm.2026-03.late',
      key: { kind: 'finished', scope: 'HN-HD-HC', receivingUnit: ALL_UNITS_SCOPE },
    });
  });
  it('counts nothing for a closed dossier without a verdict, or for nothing', () => {
    expect(
      slaCounterContributions({
        ...open,
        currentStep: null,
        openBucket: null,
        closedAt: new Date(),
        closedOnTime: null,
      }),
    ).toEqual([]);
    expect(slaCounterContributions(null)).toEqual([]);
  });
});

describe('finishedMonths', () => {
  it('widens a period to whole months in Việt Nam time', () => {
    expect(vietnamMonthOf(new Date('2025-12-31T17:30:00Z'))).toBe('2026-01');
    const p = finishedMonths(new Date('2026-01-15T00:00:00Z'), new Date('2026-03-02T00:00:00Z'));
    expect(p.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(p.from.toISOString()).toBe('2025-12-31T17:00:00.000Z');
    expect(p.to.toISOString()).toBe('2026-03-31T17:00:00.000Z');
  });
  it('keeps an exact month as it is, and the latest months when the period is too long', () => {
    const p = finishedMonths(new Date('2026-01-31T17:00:00Z'), new Date('2026-02-28T17:00:00Z'));
    expect(p.months).toEqual(['2026-02']);
    expect(finishedMonths(new Date('2000-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'), 12).months).toHaveLength(
      12,
    );
    expect(finishedMonths(new Date('2026-02-01T00:00:00Z'), new Date('2026-02-01T00:00:00Z')).months).toEqual([]);
  });
});

describe('addAtPath', () => {
  it('adds at a dotted path like $inc, creating what is missing', () => {
    const doc: Record<string, unknown> = { m: { '2026-01': { onTime: 2 } } };
    addAtPath(doc, 'm.2026-01.onTime', 1);
    addAtPath(doc, 'm.2026-02.late', -1);
    expect(doc).toEqual({ m: { '2026-01': { onTime: 3 }, '2026-02': { late: -1 } } });
  });
});
