// A fund's bank account (and a state budget fund's State Treasury account) over HTTP against the real FerretDB:
// validated field by field when an administrator creates or edits it, each change audited; whole to the fund's
// administrators and treasurers, masked to its last four digits for the other officers who read the fund; printed
// under the fund on its payment list as a voucher does.
import { pdfText } from './support/pdf-text';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();

const send = (method: string, path: string, as: string, body?: unknown) =>
  ctx.api.call(method, path, { as, ...(body === undefined ? {} : { body }) });
const fieldsOf = (body: any): string[] => body.error.fields.map((f: { path: string }) => f.path);

async function download(path: string, as: string): Promise<{ status: number; body: Buffer }> {
  const res = await fetch(`${ctx.system.baseUrl}${path}`, {
    headers: { authorization: `Bearer ${await ctx.api.token(as)}` },
  });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
}

const ACCOUNT = { accountNumber: '1234 5678 9012', bankName: 'Ngân hàng Nông nghiệp và PTNT', branch: 'Hà Đông' };

describe("a fund's accounts", () => {
  it('are validated field by field at creation, stored without separators, and a treasury account only for the budget', async () => {
    const bad = await send('POST', '/api/admin/funds', 'admin.hanoi', {
      unitCode: 'HN-HD',
      kind: 'fund_for_the_poor',
      name: 'Quỹ có tài khoản sai',
      bankAccount: { accountNumber: '12AB-34', bankName: ' ', branch: 'Hà Đông' },
      treasuryAccount: { accountNumber: '95270001234', treasuryName: 'Kho bạc Nhà nước khu vực I' },
    });
    expect(bad.status).toBe(422);
    expect(fieldsOf(bad.body)).toEqual(['/bankAccount/accountNumber', '/bankAccount/bankName', '/treasuryAccount']);
    expect(bad.body.error.fields[0].message).toBe('Số tài khoản chỉ gồm chữ số, từ 6 đến 19 chữ số');
    expect(await ctx.system.models.Fund.countDocuments({ name: 'Quỹ có tài khoản sai' })).toBe(0);

    const tooShort = await send('POST', '/api/admin/funds', 'admin.hanoi', {
      unitCode: 'HN',
      kind: 'state_budget',
      name: 'Ngân sách thành phố (tài khoản ngắn)',
      treasuryAccount: { accountNumber: '9527', treasuryName: 'Kho bạc Nhà nước khu vực I' },
    });
    expect(fieldsOf(tooShort.body)).toEqual(['/treasuryAccount/accountNumber']);

    const budget = await send('POST', '/api/admin/funds', 'admin.hanoi', {
      unitCode: 'HN',
      kind: 'state_budget',
      name: 'Ngân sách thành phố — hỗ trợ giảm nghèo (có tài khoản)',
      treasuryAccount: { accountNumber: '9527.1.1012345', treasuryName: 'Kho bạc Nhà nước khu vực I' },
      bankAccount: ACCOUNT,
    });
    expect(budget.status).toBe(201);
    expect(budget.body).toMatchObject({
      treasuryAccount: { accountNumber: '952711012345', treasuryName: 'Kho bạc Nhà nước khu vực I' },
      bankAccount: { ...ACCOUNT, accountNumber: '123456789012' },
    });
    const created = await ctx.system.models.AdminEvent.findOne({ target: budget.body._id, kind: 'fund.create' }).lean();
    expect(created?.details).toMatchObject({ treasuryAccount: { accountNumber: '952711012345' } });
  });

  it('are edited by an administrator only, each change audited; whole to administrators and treasurers, masked to others', async () => {
    const created = await send('POST', '/api/admin/funds', 'admin.hanoi', {
      unitCode: 'HN-HD',
      kind: 'fund_for_the_poor',
      name: 'Quỹ Vì người nghèo quận Hà Đông (tài khoản)',
    });
    const id = created.body._id as string;
    expect(created.body).toMatchObject({ bankAccount: null, treasuryAccount: null });

    expect((await send('PATCH', `/api/admin/funds/${id}`, 'quy.hadong', { bankAccount: ACCOUNT })).status).toBe(403);
    const wrong = await send('PATCH', `/api/admin/funds/${id}`, 'admin.hanoi', {
      bankAccount: { ...ACCOUNT, accountNumber: '12345678901234567890' },
    });
    expect([wrong.status, fieldsOf(wrong.body)]).toEqual([422, ['/bankAccount/accountNumber']]);
    const edited = await send('PATCH', `/api/admin/funds/${id}`, 'admin.hanoi', { bankAccount: ACCOUNT });
    expect([edited.status, edited.body.bankAccount]).toEqual([200, { ...ACCOUNT, accountNumber: '123456789012' }]);
    const events = await ctx.system.models.AdminEvent.find({ target: id, kind: 'fund.update' }).lean();
    expect(events.map((e) => e.details)).toEqual([{ bankAccount: { ...ACCOUNT, accountNumber: '123456789012' } }]);

    const seenBy = async (user: string) =>
      (await send('GET', `/api/funds/${id}/ledger`, user)).body.fund.bankAccount.accountNumber as string;
    expect(await seenBy('admin.hanoi')).toBe('123456789012');
    expect(await seenBy('quy.hadong')).toBe('123456789012');
    expect(await seenBy('quan.hadong')).toBe('••••••••9012');

    // The payment list prints the account under the fund: masked for the district's officer, whole for its treasurer.
    const period = 'from=2026-01-01&to=2026-01-31';
    const masked = await pdfText((await download(`/api/funds/${id}/payments.pdf?${period}`, 'quan.hadong')).body);
    expect(masked.flat).toContain('Số tài khoản: ••••••••9012 tại Ngân hàng Nông nghiệp và PTNT, chi nhánh Hà Đông');
    expect(masked.flat).not.toContain('123456789012');
    const whole = await pdfText((await download(`/api/funds/${id}/payments.pdf?${period}`, 'quy.hadong')).body);
    expect(whole.flat).toContain('Số tài khoản: 123456789012 tại Ngân hàng Nông nghiệp và PTNT, chi nhánh Hà Đông');

    const removed = await send('PATCH', `/api/admin/funds/${id}`, 'admin.hanoi', { bankAccount: null });
    expect(removed.body.bankAccount).toBeNull();
    expect((await ctx.system.models.Fund.findById(id).lean())?.bankAccount).toBeNull();
  });
});
