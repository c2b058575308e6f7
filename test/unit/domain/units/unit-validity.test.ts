import { inForceOn, retiredUnitOn, successorProblems, successorsOf } from '../../../../domain/units';

const unit = (effectiveFrom: string, effectiveTo: string | null) => ({ effectiveFrom, effectiveTo });

describe('inForceOn', () => {
  it.each([
    ['the first day', '2008-08-01', true],
    ['the last day', '2025-06-30', true],
    ['the day after the last', '2025-07-01', false],
    ['the day before the first', '2008-07-31', false],
  ])('a unit in force 01/08/2008–30/06/2025 on %s is %s', (_label, day, expected) => {
    expect(inForceOn(unit('2008-08-01', '2025-06-30'), day)).toBe(expected);
  });

  it('a unit with no last day stays in force', () => {
    expect(inForceOn(unit('2025-07-01', null), '2099-12-31')).toBe(true);
  });
});

describe('retiredUnitOn', () => {
  const ward = { code: 'W', ...unit('2025-07-01', null) };
  const oldWard = { code: 'OW', ...unit('2008-08-01', '2025-06-30') };
  const district = { code: 'D', ...unit('2008-08-01', '2025-06-30') };
  const province = { code: 'P', ...unit('2008-08-01', null) };

  it('finds the abolished district above a ward on the seed-era chain', () => {
    expect(retiredUnitOn([{ ...ward }, district, province], '2026-12-04')?.code).toBe('D');
  });

  it('finds the retired ward itself first', () => {
    expect(retiredUnitOn([oldWard, district, province], '2026-12-04')?.code).toBe('OW');
  });

  it('finds nothing on the post-2025 chain in force', () => {
    expect(retiredUnitOn([ward, province], '2026-12-04')).toBeUndefined();
  });

  it('finds nothing on the seed-era chain during the seed era', () => {
    expect(retiredUnitOn([oldWard, district, province], '2024-05-01')).toBeUndefined();
  });
});

describe('successorsOf', () => {
  it('reads a unit stored with one successor code as that successor with all the households', () => {
    expect(successorsOf({ successorCode: 'HN-HADONG' })).toEqual([{ code: 'HN-HADONG', share: 100 }]);
  });

  it('prefers the list of successors when there is one', () => {
    const successors = [
      { code: 'A', share: 60 },
      { code: 'B', share: 40 },
    ];
    expect(successorsOf({ successorCode: 'A', successors })).toEqual(successors);
  });

  it('is empty for a unit with no successor', () => {
    expect(successorsOf({ successorCode: null })).toEqual([]);
  });
});

describe('successorProblems', () => {
  const registry = new Map([
    ['A', { name: 'Phường A', ...unit('2025-07-01', null) }],
    ['B', { name: 'Phường B', ...unit('2025-07-01', null) }],
    ['LATE', { name: 'Phường Muộn', ...unit('2025-08-01', null) }],
  ]);
  const check = (successors: Parameters<typeof successorProblems>[2]) =>
    successorProblems({ code: 'OLD' }, '2025-06-30', successors, registry).map((p) => p.path);

  it('accepts a split whose shares sum to 100 %', () => {
    expect(
      check([
        { code: 'A', share: 62.5 },
        { code: 'B', share: 37.5 },
      ]),
    ).toEqual([]);
  });

  it('accepts a split by rules', () => {
    expect(
      check([
        { code: 'A', rule: 'Tổ dân phố 1–8' },
        { code: 'B', rule: 'Tổ dân phố 9–15' },
      ]),
    ).toEqual([]);
  });

  it('accepts one successor with neither share nor rule', () => {
    expect(check([{ code: 'A' }])).toEqual([]);
  });

  it.each([
    [
      'shares that sum to 90 %',
      [
        { code: 'A', share: 50 },
        { code: 'B', share: 40 },
      ],
      [''],
    ],
    [
      'a share given for only one of two',
      [
        { code: 'A', share: 100 },
        { code: 'B', rule: 'phần còn lại' },
      ],
      [''],
    ],
    ['a successor not in force from the next day', [{ code: 'LATE' }], ['/0/code']],
    ['an unknown successor', [{ code: 'NOPE' }], ['/0/code']],
    ['the retired unit itself', [{ code: 'OLD' }], ['/0/code']],
    [
      'a successor named twice',
      [
        { code: 'A', share: 50 },
        { code: 'A', share: 50 },
      ],
      ['/1/code'],
    ],
    ['two successors without share or rule', [{ code: 'A' }, { code: 'B' }], ['/0', '/1']],
  ])('refuses %s', (_label, successors, paths) => {
    expect(check(successors)).toEqual(paths);
  });

  it('names a successor by its name, not its code', () => {
    const [problem] = successorProblems({ code: 'OLD' }, '2025-06-30', [{ code: 'LATE' }], registry);
    expect(problem?.message.vi).toContain('Phường Muộn');
  });
});
