import { DEFAULT_OVERLAP_RULES } from '../../../../domain/overlap/default-overlap-rules';
import { addMonths, findOverlaps } from '../../../../domain/overlap/find-overlaps';
import type { OverlapCandidate } from '../../../../domain/overlap/overlap-candidate';
import type { OverlapRule, OverlapWindow } from '../../../../domain/overlap/overlap-rule';

/** The earlier dossier's dates, and a later opening just inside and just outside the window (Việt Nam days). */
function edgesOf(window: OverlapWindow): {
  openedAt: string;
  closedAt: string | null;
  inside: string;
  outside: string;
} {
  if ('years' in window) {
    // Opened 01/03/2015 (VN); the window ends at the start of 01/03/2015 + n years, VN midnight = 17:00 UTC before.
    const endYear = 2015 + window.years;
    return {
      openedAt: '2015-03-01T03:00:00.000Z',
      closedAt: '2015-09-01T03:00:00.000Z',
      inside: `${endYear}-02-28T16:59:59.000Z`,
      outside: `${endYear}-02-28T17:00:00.000Z`,
    };
  }
  if ('months' in window) {
    const end = addMonths('2025-12-15', window.months);
    const dayBefore = new Date(Date.parse(`${end}T00:00:00.000Z`) - 86_400_000).toISOString().slice(0, 10);
    return {
      openedAt: '2025-12-15T03:00:00.000Z',
      closedAt: '2025-12-20T03:00:00.000Z',
      inside: `${dayBefore}T16:59:59.000Z`,
      outside: `${dayBefore}T17:00:00.000Z`,
    };
  }
  if ('sameYear' in window) {
    // 01/01/2025 00:00 in Việt Nam, then the last second of 2025 and the first of 2026 there.
    return {
      openedAt: '2024-12-31T17:00:00.000Z',
      closedAt: '2025-02-01T03:00:00.000Z',
      inside: '2025-12-31T16:59:59.000Z',
      outside: '2025-12-31T17:00:00.000Z',
    };
  }
  return {
    openedAt: '2025-09-01T03:00:00.000Z',
    closedAt: '2025-10-01T00:00:00.000Z',
    inside: '2025-09-30T23:59:59.000Z',
    outside: '2025-10-01T00:00:00.000Z',
  };
}

const candidate = (over: Partial<OverlapCandidate> & Pick<OverlapCandidate, 'dossierId' | 'programme'>) => ({
  supportType: null,
  openedAt: '2025-01-01T00:00:00.000Z',
  closedAt: null,
  outcome: null,
  keys: [],
  ...over,
});

describe.each(DEFAULT_OVERLAP_RULES.map((rule) => [rule.id, rule] as [string, OverlapRule]))(
  'the shipped rule %s',
  (_id, rule) => {
    const edges = edgesOf(rule.window);
    const key = { subject: rule.subject, key: 'h-1' };
    const earlier = candidate({
      dossierId: 'A',
      programme: rule.sides[0].programme,
      openedAt: edges.openedAt,
      closedAt: edges.closedAt,
      outcome: 'completed',
      keys: [key],
    });
    const later = (openedAt: string, over: Partial<OverlapCandidate> = {}) =>
      candidate({ dossierId: 'B', programme: rule.sides[1].programme, openedAt, keys: [key], ...over });

    it('flags a dossier of the same identity opened just inside the window', () => {
      expect(findOverlaps(later(edges.inside), [earlier], [rule])).toEqual([
        {
          ruleId: rule.id,
          dossierId: 'A',
          programme: earlier.programme,
          supportType: null,
          openedAt: edges.openedAt,
          subject: rule.subject,
        },
      ]);
    });

    it('lets a dossier opened at the end of the window through', () => {
      expect(findOverlaps(later(edges.outside), [earlier], [rule])).toEqual([]);
    });

    it('is symmetric: the earlier dossier sees the later one (the read-time flag)', () => {
      const reversed = { ...earlier, programme: rule.sides[1].programme };
      const newer = later(edges.inside, { programme: rule.sides[0].programme, dossierId: 'B' });
      expect(findOverlaps(reversed, [newer], [rule]).map((m) => m.dossierId)).toEqual(['B']);
    });

    it('ignores another identity, the other subject kind, and a refused or withdrawn earlier dossier', () => {
      const other = rule.subject === 'household' ? 'person' : 'household';
      expect(
        findOverlaps(later(edges.inside, { keys: [{ subject: rule.subject, key: 'h-2' }] }), [earlier], [rule]),
      ).toEqual([]);
      expect(findOverlaps(later(edges.inside, { keys: [{ subject: other, key: 'h-1' }] }), [earlier], [rule])).toEqual(
        [],
      );
      for (const outcome of ['rejected', 'withdrawn'] as const) {
        expect(findOverlaps(later(edges.inside), [{ ...earlier, outcome }], [rule])).toEqual([]);
      }
    });

    it('ignores a programme on neither side, and the candidate itself', () => {
      expect(findOverlaps(later(edges.inside, { programme: 'sponsorship' }), [earlier], [rule])).toEqual([]);
      expect(findOverlaps(earlier, [earlier], [rule])).toEqual([]);
    });
  },
);

describe('findOverlaps', () => {
  const rule: OverlapRule = {
    id: 'new-build-only',
    title: { vi: 'x', en: 'x' },
    subject: 'household',
    sides: [
      { programme: 'housing', supportTypes: ['new_build'] },
      { programme: 'housing', supportTypes: ['new_build'] },
    ],
    window: { years: 10 },
  };
  const key = { subject: 'household' as const, key: 'k' };

  it('narrows a side to its support types', () => {
    const a = candidate({ dossierId: 'A', programme: 'housing', supportType: 'new_build', keys: [key] });
    const b = candidate({ dossierId: 'B', programme: 'housing', supportType: 'repair', keys: [key] });
    const c = candidate({ dossierId: 'C', programme: 'housing', supportType: null, keys: [key] });
    expect(findOverlaps(b, [a], [rule])).toEqual([]);
    expect(findOverlaps(c, [a], [rule])).toEqual([]);
    expect(findOverlaps({ ...b, supportType: 'new_build' }, [a], [rule]).map((m) => m.dossierId)).toEqual(['A']);
  });

  it('counts an open earlier dossier for a whileOpen rule', () => {
    const open: OverlapRule = {
      ...rule,
      sides: [{ programme: 'education' }, { programme: 'education' }],
      window: { whileOpen: true },
    };
    const a = candidate({ dossierId: 'A', programme: 'education', openedAt: '2020-01-01T00:00:00.000Z', keys: [key] });
    const b = candidate({ dossierId: 'B', programme: 'education', openedAt: '2026-01-01T00:00:00.000Z', keys: [key] });
    expect(findOverlaps(b, [a], [open]).map((m) => m.dossierId)).toEqual(['A']);
  });

  it('reports one match per other dossier and rule', () => {
    const a = candidate({ dossierId: 'A', programme: 'housing', supportType: 'new_build', keys: [key] });
    const b = candidate({ dossierId: 'B', programme: 'housing', supportType: 'new_build', keys: [key, key] });
    expect(findOverlaps(b, [a], [rule, { ...rule, id: 'second' }]).map((m) => m.ruleId)).toEqual([
      'new-build-only',
      'second',
    ]);
  });
});

describe('addMonths', () => {
  it.each([
    ['2015-03-01', 120, '2025-03-01'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2025-08-31', 6, '2026-02-28'],
    ['2025-12-15', 1, '2026-01-15'],
  ])('%s + %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});
