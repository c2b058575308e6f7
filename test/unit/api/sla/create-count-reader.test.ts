import { createCountReader } from '../../../../api/sla/create-count-reader';

const at = { counterId: '["open","*","HN-HD"]', path: 'c.district_officer|district|housing|in_progress|not_due' };

describe('createCountReader', () => {
  function reader() {
    const warnings: { message: string; meta: Record<string, unknown> }[] = [];
    let now = 0;
    const read = createCountReader({
      logger: { warn: (message, meta) => warnings.push({ message, meta }) },
      warnEveryMs: 1_000,
      now: () => now,
    });
    return { read, warnings, advance: (ms: number) => (now += ms) };
  }

  it.each([
    [3, 3],
    [0, 0],
    [undefined, 0],
    ['7', 0],
    [Number.NaN, 0],
  ])('shows a stored %p as %p without a warning', (stored, shown) => {
    const t = reader();
    expect(t.read(stored, at)).toBe(shown);
    expect(t.warnings).toEqual([]);
  });

  it('shows a negative count as 0 and warns with the counter and path, at most once per count per interval', () => {
    const t = reader();
    expect(t.read(-4, at)).toBe(0);
    expect(t.read(-4, at)).toBe(0);
    expect(t.read(-1, { ...at, path: 'm.2026-03.late' })).toBe(0);
    expect(t.warnings).toEqual([
      { message: 'negative sla count shown as 0; run npm run sla:reconcile', meta: { ...at, stored: -4 } },
      {
        message: 'negative sla count shown as 0; run npm run sla:reconcile',
        meta: { ...at, path: 'm.2026-03.late', stored: -1 },
      },
    ]);
    t.advance(1_000);
    t.read(-4, at);
    expect(t.warnings).toHaveLength(3);
  });
});
