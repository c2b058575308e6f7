import { parseBankStatement } from '../../../../api/payments/parse-bank-statement';

const HEADER = 'Mã giao dịch,Ngày giá trị,Số tiền,Nội dung,Trạng thái';

describe('parseBankStatement', () => {
  it('reads each transaction with its line number, ISO value date and whole-đồng amount', () => {
    const csv = [
      '\uFEFF' + HEADER,
      'FT001,08/05/2024,50000000,CK HS-HN-2024-000001-advance ho tro,OK',
      '',
      'FT002 , 31/12/2024 ,"50.000.000","HS-X-1-rest, lần 2",FAILED',
      'FT003,01/01/2025,"1,250,000",khác,OK',
    ].join('\r\n');
    expect(parseBankStatement(csv)).toEqual({
      bad: [],
      lines: [
        {
          line: 2,
          transactionId: 'FT001',
          valueDate: '2024-05-08',
          amount: 50_000_000,
          description: 'CK HS-HN-2024-000001-advance ho tro',
          status: 'OK',
        },
        {
          line: 4,
          transactionId: 'FT002',
          valueDate: '2024-12-31',
          amount: 50_000_000,
          description: 'HS-X-1-rest, lần 2',
          status: 'FAILED',
        },
        {
          line: 5,
          transactionId: 'FT003',
          valueDate: '2025-01-01',
          amount: 1_250_000,
          description: 'khác',
          status: 'OK',
        },
      ],
    });
  });

  it.each([
    ['FT 1,08/05/2024,10,x,OK', ['transactionId']],
    ['FT1,31/02/2024,10,x,OK', ['valueDate']],
    ['FT1,2024-05-08,10,x,OK', ['valueDate']],
    ['FT1,08/05/2024,-10,x,OK', ['amount']],
    ['FT1,08/05/2024,10.5,x,OK', ['amount']],
    ['FT1,08/05/2024,1.000,000,x,OK', ['line']],
    ['FT1,08/05/2024,0,x,ok', ['amount', 'status']],
    ['FT1,08/05/2024,10,x', ['line']],
  ])('reports %s as a bad line naming %j', (row, fields) => {
    const { lines, bad } = parseBankStatement(`${HEADER}\nFT0,08/05/2024,1,x,OK\n${row}`);
    expect(lines.map((l) => l.line)).toEqual([2]);
    expect(bad).toHaveLength(1);
    expect(bad[0]?.line).toBe(3);
    expect(bad[0]?.problems.map((p) => p.field)).toEqual(fields);
    for (const p of bad[0]?.problems ?? []) expect(p.message.vi && p.message.en).toBeTruthy();
  });

  it('reports unreadable CSV (an unclosed quote) as a bad line instead of throwing', () => {
    const { lines, bad } = parseBankStatement(`${HEADER}\nFT1,08/05/2024,10,"không đóng,OK\n`);
    expect(lines).toEqual([]);
    expect(bad).toMatchObject([{ problems: [{ field: 'line' }] }]);
  });
});
