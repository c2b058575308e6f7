// A fund's documents for a period against the real FerretDB and API: the payment list and the approval list as PDF
// (read back as text) and the ledger as Excel (read back with exceljs), built from entries appended through the
// ledger service and dossiers of the read model; every total checked against the sum of the ledger's own entries.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { createLedger } from '../../api/funds/create-ledger';
import { amountInWords } from '../../domain/funds/amount-in-words';
import type { LedgerEntryDoc } from '../../storage/ledger-entry-schema';
import { eventually } from './support/eventually';
import { proposalIn } from './support/form-examples';
import { pdfText } from './support/pdf-text';
import { createTestFund } from './support/create-test-fund';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();
const M = 1_000_000;
type LedgerWriteKind = 'receive' | 'commit' | 'release' | 'pay' | 'reversePayment';
const PERIOD = 'from=2026-03-01&to=2026-03-31';

/** A closed dossier of the read model with its household head: what the lists name. */
async function dossier(id: string, headName: string, receivingUnit: string): Promise<void> {
  const at = new Date('2026-02-01T02:00:00Z');
  await ctx.system.models.DossierView.create({
    _id: id,
    processKey: 'housing-support-2024',
    processVersion: 1,
    programme: 'housing',
    status: 'completed',
    receivingUnit,
    unitChain: [receivingUnit, 'HN-HD', 'HN'],
    openedAt: at,
    closedAt: at,
    lastDecisionAt: at,
    seq: 1,
    applicant: { headName },
  });
}

async function download(path: string, as: string): Promise<{ status: number; type: string | null; body: Buffer }> {
  const res = await fetch(`${ctx.system.baseUrl}${path}`, {
    headers: { authorization: `Bearer ${await ctx.api.token(as)}` },
  });
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
}

/** `50.000.000 ₫`, written here from the number itself rather than through formatVnd. */
const vnd = (amount: number) => `${amount.toLocaleString('de-DE')} ₫`;

describe("a fund's documents for a period", () => {
  let fundId: string;
  let entries: LedgerEntryDoc[];
  const codes = {
    d0: `HN-HD-HC-2026-${randomUUID().slice(0, 5)}`,
    d1: `HN-HD-HC-2026-${randomUUID().slice(0, 5)}`,
    d2: `HN-HD-YN-2026-${randomUUID().slice(0, 5)}`,
    d3: `HN-HD-YN-2026-${randomUUID().slice(0, 5)}`,
  };

  beforeAll(async () => {
    fundId = await createTestFund(ctx.system.models, 'Quỹ Vì người nghèo quận Hà Đông');
    await dossier(codes.d0, 'Nguyễn Văn An', 'HN-HD-HC');
    await dossier(codes.d1, 'Trần Thị Bình', 'HN-HD-HC');
    await dossier(codes.d2, 'Lê Văn Cường', 'HN-HD-YN');
    await dossier(codes.d3, 'Phạm Thị Dung', 'HN-HD-YN');
    const ledger = createLedger({ models: ctx.system.models });
    // Each write in the order it happened: kind, amount, reference, dossier, when it was recorded (UTC; 07:00 in
    // Việt Nam) and, for receipts, the value date. The last payment is 00:30 on 1 April in Việt Nam: after the period,
    // although still 31 March in UTC.
    const writes: [LedgerWriteKind, number, string, string | null, string][] = [
      ['receive', 300, 'r1', null, '2026-02-20T00:00'],
      ['commit', 40, 'c0', codes.d0, '2026-02-25T00:00'],
      ['commit', 100, 'c1', codes.d1, '2026-03-02T00:00'],
      ['commit', 80, 'c2', codes.d2, '2026-03-03T00:00'],
      ['commit', 60, 'c3', codes.d3, '2026-03-04T00:00'],
      ['receive', 50, 'r2', null, '2026-03-05T00:00'],
      ['pay', 40, 'p0', codes.d0, '2026-03-06T00:00'],
      ['release', 60, 'x3', codes.d3, '2026-03-10T00:00'],
      ['pay', 50, 'p1', codes.d1, '2026-03-15T00:00'],
      ['pay', 80, 'p2', codes.d2, '2026-03-16T00:00'],
      ['reversePayment', 80, 'v2', codes.d2, '2026-03-17T00:00'],
      ['pay', 50, 'p1b', codes.d1, '2026-03-31T17:30'],
    ];
    for (const [write, amount, reference, dossierId, at] of writes) {
      await ledger[write](fundId, {
        amount: amount * M,
        reference,
        by: 'quy.hadong',
        dossierId,
        at: new Date(`${at}:00Z`),
        ...(write === 'receive' ? { valueDate: at.slice(0, 10) } : {}),
      });
    }
    entries = await ctx.system.models.LedgerEntry.find({ fundId }).sort({ seq: 1 }).lean<LedgerEntryDoc[]>();
  });

  /** The entries of March in Việt Nam (seq 3 to 11 here), and their sum per kind, from the ledger itself. */
  const inMarch = () => entries.filter((e) => e.seq >= 3 && e.seq <= 11);
  const sum = (kind: LedgerEntryDoc['kind']) =>
    inMarch()
      .filter((e) => e.kind === kind)
      .reduce((total, e) => total + e.amount, 0);

  it('prints the payment list: payments minus reversals per dossier in the period, the total in figures and words', async () => {
    const res = await download(`/api/funds/${fundId}/payments.pdf?${PERIOD}`, 'quan.hadong');
    expect([res.status, res.type]).toEqual([200, 'application/pdf']);
    const { flat, pages } = await pdfText(res.body);
    const total = sum('payment') - sum('payment_reversal');
    expect(total).toBe(90 * M);
    expect(flat).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(flat).toContain('QUẬN HÀ ĐÔNG');
    expect(flat).toContain('DANH SÁCH CHI TRẢ TIỀN HỖ TRỢ');
    expect(flat).toContain('Từ ngày 01/03/2026 đến ngày 31/03/2026');
    expect(flat).toContain('Nguồn kinh phí: Quỹ Vì người nghèo quận Hà Đông');
    const lines = pages.join('\n').split('\n');
    expect(lines).toContain('STT Mã hồ sơ Chủ hộ Đơn vị Ngày chi Số tiền');
    // d0 paid 40 M on 6 March; d1 50 M on 15 March (its 1 April payment is outside); d2 paid and reversed: not listed.
    expect(lines).toContain(`1 ${codes.d0} Nguyễn Văn An Phường Hà Cầu 06/03/2026 ${vnd(40 * M)}`);
    expect(lines).toContain(`2 ${codes.d1} Trần Thị Bình Phường Hà Cầu 15/03/2026 ${vnd(50 * M)}`);
    expect(flat).not.toContain(codes.d2);
    expect(flat).not.toContain(codes.d3);
    expect(lines).toContain(`Tổng cộng ${vnd(total)}`);
    expect(flat).toContain(`Tổng số tiền: ${vnd(total)}`);
    expect(flat).toContain(`Bằng chữ: ${amountInWords(total)}.`);
    expect(amountInWords(total)).toBe('Chín mươi triệu đồng');
    for (const title of ['NGƯỜI LẬP BIỂU', 'KẾ TOÁN', 'THỦ TRƯỞNG ĐƠN VỊ']) expect(flat).toContain(title);
    // The list names households: each dossier listed counts as a read of its personal data.
    const reads = await ctx.system.models.SecurityEvent.find({
      kind: 'personal_data_read',
      dossierId: { $in: Object.values(codes) },
      userId: 'quan.hadong',
    }).lean();
    expect(reads.map((e) => e.dossierId).sort()).toEqual([codes.d0, codes.d1].sort());
  });

  it('prints the approval list: commitments minus releases per dossier in the period', async () => {
    const res = await download(`/api/funds/${fundId}/commitments.pdf?${PERIOD}`, 'tp.hanoi');
    expect([res.status, res.type]).toEqual([200, 'application/pdf']);
    const { flat, pages } = await pdfText(res.body);
    const total = sum('commitment') - sum('release');
    expect(total).toBe(180 * M);
    const lines = pages.join('\n').split('\n');
    expect(flat).toContain('DANH SÁCH HỘ ĐƯỢC PHÊ DUYỆT HỖ TRỢ');
    // d0 was committed in February; d3 committed and released in March: neither is listed.
    expect(lines).toContain(`1 ${codes.d1} Trần Thị Bình Phường Hà Cầu 02/03/2026 ${vnd(100 * M)}`);
    expect(lines).toContain(`2 ${codes.d2} Lê Văn Cường Phường Yên Nghĩa 03/03/2026 ${vnd(80 * M)}`);
    expect(flat).not.toContain(codes.d0);
    expect(flat).not.toContain(codes.d3);
    expect(flat).toContain('Số hộ: 2');
    expect(flat).toContain(`Bằng chữ: ${amountInWords(total)}.`);
    expect(amountInWords(total)).toBe('Một trăm tám mươi triệu đồng');
  });

  it('exports the ledger of the period to Excel: opening balance, each entry with the ledger balance after it, totals as formulas and values', async () => {
    const res = await download(`/api/funds/${fundId}/ledger.xlsx?${PERIOD}`, 'quy.hadong');
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
    const ws = workbook.getWorksheet('Sổ quỹ')!;
    const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(values(2)).toEqual(['Nguồn kinh phí', 'Quỹ Vì người nghèo quận Hà Đông']);
    expect(values(3)).toEqual(['Đơn vị', 'Quận Hà Đông (HN-HD)']);
    expect(values(4)).toEqual(['Kỳ', 'Từ ngày 01/03/2026 đến ngày 31/03/2026']);
    const header = 6;
    expect(values(header)[0]).toBe('Số TT');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: header });

    // Opening: the ledger's balance after its last February entry.
    const february = entries[1]!.balanceAfter;
    const opening = ws.getRow(header + 1);
    expect(opening.getCell('C').value).toBe('Số dư đầu kỳ');
    expect([opening.getCell('H').value, opening.getCell('I').value, opening.getCell('J').value]).toEqual([
      february.available,
      february.committed,
      february.paid,
    ]);

    const march = inMarch();
    const kinds = {
      receipt: 'Thu',
      commitment: 'Cam kết chi',
      release: 'Hủy cam kết',
      payment: 'Chi trả',
      payment_reversal: 'Hoàn chi',
    };
    march.forEach((entry, i) => {
      const row = ws.getRow(header + 2 + i);
      expect(values(row.number).slice(0, 5)).toEqual([
        entry.seq,
        (entry.valueDate ?? entry.at.toISOString().slice(0, 10)).split('-').reverse().join('/'),
        kinds[entry.kind],
        entry.amount,
        entry.dossierId ?? '',
      ]);
      expect(row.getCell('F').value).toBe(entry.reference);
      expect([row.getCell('H').value, row.getCell('I').value, row.getCell('J').value]).toEqual([
        entry.balanceAfter.available,
        entry.balanceAfter.committed,
        entry.balanceAfter.paid,
      ]);
      expect(row.getCell('D').numFmt).toBe('#,##0');
    });
    const closing = ws.getRow(header + 2 + march.length);
    expect(closing.getCell('C').value).toBe('Số dư cuối kỳ');
    expect(closing.getCell('H').value).toBe(march.at(-1)!.balanceAfter.available);

    const first = header + 2;
    const last = header + 1 + march.length;
    const totals = new Map<string, unknown>();
    ws.eachRow((row) => {
      const label = row.getCell('C').value;
      if (row.number > closing.number && typeof label === 'string') totals.set(label, row.getCell('D').value);
    });
    for (const kind of ['receipt', 'commitment', 'release', 'payment', 'payment_reversal'] as const) {
      expect(totals.get(kinds[kind])).toEqual({
        formula: `SUMIF(C${first}:C${last},"${kinds[kind]}",D${first}:D${last})`,
        result: sum(kind),
      });
    }
    expect(sum('receipt')).toBe(50 * M);
  });

  it('refuses a reversed or malformed period field by field, an unknown fund with 404 and a unit below with 403', async () => {
    const fieldsOf = async (query: string) => {
      const res = await ctx.api.call('GET', `/api/funds/${fundId}/payments.pdf?${query}`, { as: 'quan.hadong' });
      expect(res.status).toBe(422);
      return res.body.error.fields.map((f: { path: string }) => f.path);
    };
    expect(await fieldsOf('from=2026-03-31&to=2026-03-01')).toEqual(['/query/to']);
    expect(await fieldsOf('from=2026-02-30&to=2026-03-01')).toEqual(['/query/from']);
    expect(await fieldsOf('from=01/03/2026&to=2026-03-31')).toEqual(['/query/from']);
    expect(await fieldsOf('from=2026-03-01')).toEqual(['/query/to']);
    // A reversed period is refused as the fund summary refuses it: one check, one message.
    const reversed = (path: string) => ctx.api.call('GET', path, { as: 'quan.hadong' });
    const documentAnswer = await reversed(`/api/funds/${fundId}/ledger.xlsx?from=2026-03-31&to=2026-03-01`);
    const summaryAnswer = await reversed('/api/funds/summary?unit=HN-HD&from=2026-03-31&to=2026-03-01');
    expect(documentAnswer.body.error.fields).toEqual([
      { path: '/query/to', keyword: 'formatMinimum', message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi' },
    ]);
    expect(summaryAnswer.body.error.fields).toEqual(documentAnswer.body.error.fields);
    for (const doc of ['payments.pdf', 'commitments.pdf', 'ledger.xlsx']) {
      const unknown = await ctx.api.call('GET', `/api/funds/${randomUUID()}/${doc}?${PERIOD}`, { as: 'quan.hadong' });
      expect(unknown.status).toBe(404);
      const below = await ctx.api.call('GET', `/api/funds/${fundId}/${doc}?${PERIOD}`, { as: 'xa.hacau' });
      expect(below.status).toBe(403);
    }
  });
});

describe("a dossier's approval decision", () => {
  it('prints the household, the approved amount in words and its split across funds: commitments minus releases', async () => {
    const data = proposalIn('HN-HD-HC');
    const created = await ctx.api.call('POST', '/api/dossiers', {
      as: 'xa.hacau',
      body: { processKey: 'housing-support-2024', data },
    });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    const path = `/api/dossiers/${id}/approval-decision.pdf`;
    const before = await ctx.api.call('GET', path, { as: 'xa.hacau' });
    expect(before).toMatchObject({ status: 409, body: { error: { code: 'no_commitment' } } });

    const poor = await createTestFund(ctx.system.models, 'Quỹ Vì người nghèo quận Hà Đông');
    const women = await createTestFund(ctx.system.models, 'Hội Liên hiệp Phụ nữ quận Hà Đông', {
      kind: 'mass_organisation',
    });
    const ledger = createLedger({ models: ctx.system.models });
    const by = 'quy.hadong';
    await ledger.receive(poor, { amount: 100 * M, reference: 'r', by });
    await ledger.receive(women, { amount: 100 * M, reference: 'r', by });
    await ledger.commit(poor, { amount: 50 * M, reference: 'c', by, dossierId: id });
    await ledger.commit(women, { amount: 30 * M, reference: 'c', by, dossierId: id });
    await ledger.release(women, { amount: 10 * M, reference: 'x', by, dossierId: id });
    await ledger.pay(poor, { amount: 20 * M, reference: 'p', by, dossierId: id });
    // The household head comes from the read model, which the projection fills after the dossier starts.
    await eventually('the projected applicant', async () =>
      (await ctx.system.models.DossierView.findById(id, { applicant: 1 }).lean())?.applicant?.['headName']
        ? true
        : undefined,
    );

    const res = await download(path, 'xa.hacau');
    expect([res.status, res.type]).toEqual([200, 'application/pdf']);
    const { flat, pages } = await pdfText(res.body);
    const lines = pages.join('\n').split('\n');
    expect(flat).toContain('PHÊ DUYỆT KINH PHÍ HỖ TRỢ');
    expect(lines).toContain(`Hộ được hỗ trợ: ông/bà ${data.household.headName as string}`);
    expect(lines).toContain(`Mã hồ sơ: ${id}`);
    expect(lines).toContain('Nơi tiếp nhận: Phường Hà Cầu');
    expect(lines).toContain(`Số tiền được phê duyệt: ${vnd(70 * M)}`);
    expect(lines).toContain('Bằng chữ: Bảy mươi triệu đồng.');
    expect(lines).toContain(`1 Quỹ Vì người nghèo quận Hà Đông Quận Hà Đông ${vnd(50 * M)}`);
    expect(lines).toContain(`2 Hội Liên hiệp Phụ nữ quận Hà Đông Quận Hà Đông ${vnd(20 * M)}`);
    expect(lines).toContain(`Tổng cộng ${vnd(70 * M)}`);
  });
});
