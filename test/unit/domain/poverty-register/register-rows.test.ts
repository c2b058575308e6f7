import { registerFromRows, type RegisterRow } from '../../../../domain/poverty-register/register-rows';

const row = (n: number, household: string, cccd: string, head = '', more: Partial<RegisterRow> = {}): RegisterRow => ({
  row: n,
  household,
  name: `Người ${n}`,
  cccd,
  head,
  hamlet: head ? 'Thôn Đông' : '',
  category: head ? 'Hộ cận nghèo' : '',
  ethnicMinority: head ? 'Có' : '',
  ...more,
});

describe('registerFromRows', () => {
  it('groups people by household, the row marked x as head, words with or without diacritics', () => {
    const { households, problems } = registerFromRows([
      row(2, '1', '001085000001', 'X'),
      row(3, '1', '001085000002'),
      row(4, '2', '001085000003', 'x', { category: 'MOI THOAT NGHEO', ethnicMinority: 'khong' }),
    ]);
    expect(problems).toEqual([]);
    expect(households.map((h) => [h.headName, h.category, h.ethnicMinority, h.members.length])).toEqual([
      ['Người 2', 'near_poor', true, 1],
      ['Người 4', 'exited', false, 0],
    ]);
  });

  it('names every bad cell by its sheet row and column, and gives no households then', () => {
    const { households, problems } = registerFromRows([
      row(2, '1', '001085000001', 'x', { category: 'khá giả', ethnicMinority: 'có lẽ', hamlet: ' ' }),
      row(3, '2', '00108500000'),
      row(4, '3', '001085000004', 'x'),
      row(5, '3', '001085000005', 'x'),
    ]);
    expect(households).toEqual([]);
    expect(problems.map((p) => p.path)).toEqual([
      '/rows/3/cccd',
      '/rows/2/category',
      '/rows/2/ethnicMinority',
      '/rows/2/hamlet',
      '/rows/3/head',
      '/rows/5/head',
    ]);
    expect(JSON.stringify(problems)).not.toContain('00108500000');
  });
});
