import { structuralDiff } from '../../../forms/structural-diff';

describe('structuralDiff', () => {
  it('lists additions, removals and replacements as JSON pointers, escaping ~ and /', () => {
    const before = { title: { vi: 'Cũ' }, steps: [{ id: 'a' }, { id: 'b' }], 'a/b': 1, keep: true };
    const after = { title: { vi: 'Mới', en: 'New' }, steps: [{ id: 'a' }], 'a/b': 2, keep: true };
    expect(structuralDiff(before, after)).toEqual(
      expect.arrayContaining([
        { op: 'replace', path: '/title/vi', before: 'Cũ', after: 'Mới' },
        { op: 'add', path: '/title/en', after: 'New' },
        { op: 'remove', path: '/steps/1', before: { id: 'b' } },
        { op: 'replace', path: '/a~1b', before: 1, after: 2 },
      ]),
    );
    expect(structuralDiff(before, after)).toHaveLength(4);
  });

  it('finds nothing between equal documents and replaces the root between non-objects', () => {
    expect(structuralDiff({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
    expect(structuralDiff(1, 2)).toEqual([{ op: 'replace', path: '', before: 1, after: 2 }]);
    expect(structuralDiff('x', 'x')).toEqual([]);
  });
});
