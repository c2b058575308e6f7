// Bank statements (issue 14) through the API and the real workflow on the shipped housing-support-2024@4: each line
// of the bank's CSV settles or fails the payment order its reference names, as the treasurer's decision at the
// confirmation step; every line is reported, bad ones do not stop good ones, and however often (or however
// concurrently) a statement is imported, each order is paid once.
import { M, moneyDossiers } from './support/money-dossiers';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();
const money = moneyDossiers(ctx);
const HEADER = 'Mã GD,Ngày giá trị,Số tiền,Nội dung,Trạng thái';

const awaitingConfirmation = money.awaitingConfirmation;

const importStatement = (content: string, headers: Record<string, string> = {}, as = 'khobac.hanoi') =>
  ctx.api.call('POST', '/api/payments/bank-statements', {
    as,
    body: { fileName: 'saoke-08-05-2024.csv', content },
    headers,
  });

describe('bank statements', () => {
  it('settles, fails and reports every line, and a re-import pays nothing twice', async () => {
    const paid = await awaitingConfirmation('sao kê OK');
    const failed = await awaitingConfirmation('sao kê lỗi');
    const mismatched = await awaitingConfirmation('sao kê lệch');
    const content = [
      HEADER,
      `FT1001,08/05/2024,50.000.000,"CK ${paid.reference}, hỗ trợ nhà ở",OK`,
      `FT1002,08/05/2024,50000000,${failed.reference},FAILED`,
      `FT1003,08/05/2024,50000000,HS-KHONG-CO-advance,OK`,
      `FT1004,08/05/2024,49000000,${mismatched.reference},OK`,
      `FT1005,31/02/2024,abc,${paid.reference},DONE`,
      `FT1006,08/05/2024,50000000,CK LAN 2 ${paid.reference.toUpperCase()},OK`,
    ].join('\n');

    const res = await importStatement(content, { 'idempotency-key': 'bank-statement-first' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ fileName: 'saoke-08-05-2024.csv', total: 6 });
    expect(res.body.lines).toEqual([
      expect.objectContaining({ line: 2, status: 'settled', transactionId: 'FT1001', dossierId: paid.id }),
      expect.objectContaining({ line: 3, status: 'payment_failed', transactionId: 'FT1002', dossierId: failed.id }),
      { line: 4, status: 'unknown_reference', transactionId: 'FT1003' },
      expect.objectContaining({ line: 5, status: 'amount_mismatch', expectedAmount: 50 * M }),
      {
        line: 6,
        status: 'bad_line',
        problems: [
          { field: 'valueDate', message: expect.any(String) },
          { field: 'amount', message: expect.any(String) },
          { field: 'status', message: expect.any(String) },
        ],
      },
      expect.objectContaining({ line: 7, status: 'already_settled', dossierId: paid.id }),
    ]);
    expect(res.body.counts).toEqual({
      settled: 1,
      payment_failed: 1,
      unknown_reference: 1,
      amount_mismatch: 1,
      bad_line: 1,
      already_settled: 1,
    });

    // The decisions are the treasurer's, at the confirmation step, naming the file and the transaction.
    const settledView = await money.dossier(paid.id);
    expect(settledView.currentStep.id).toBe('completion-acceptance');
    expect(settledView.history.at(-1)).toMatchObject({
      action: 'approve',
      fromStep: 'advance-confirmation',
      actor: { userId: 'khobac.hanoi', role: 'treasurer', unitCode: 'HN' },
      comment: 'Sao kê ngân hàng saoke-08-05-2024.csv, giao dịch FT1001',
    });
    expect((await money.dossier(failed.id)).currentStep.id).toBe('advance-order');
    expect((await money.dossier(mismatched.id)).currentStep.id).toBe('advance-confirmation');
    const [order] = await money.orders(paid.id);
    expect((await money.payments(paid.poor)).map((e) => [e.amount, e.reference])).toEqual([
      [35 * M, `pay:${order?._id}:${paid.poor}`],
    ]);
    expect((await money.payments(paid.women)).map((e) => [e.amount, e.reference])).toEqual([
      [15 * M, `pay:${order?._id}:${paid.women}`],
    ]);
    expect(await money.payments(failed.poor)).toEqual([]);
    expect(await money.orders(failed.id)).toMatchObject([{ status: 'failed' }]);
    expect(await money.payments(mismatched.poor)).toEqual([]);

    // The same file imported again (a new request): every transaction already decided is reported so, nothing moves.
    const again = await importStatement(content);
    expect(again.status).toBe(200);
    expect(again.body.lines.map((l: { status: string }) => l.status)).toEqual([
      'already_imported',
      'already_imported',
      'unknown_reference',
      'amount_mismatch',
      'bad_line',
      'already_settled',
    ]);
    expect(again.body.lines[0]).toMatchObject({ earlier: 'settled' });
    expect(again.body.lines[1]).toMatchObject({ earlier: 'payment_failed' });
    expect((await money.payments(paid.poor)).map((e) => e.amount)).toEqual([35 * M]);
    expect(await money.balance(paid.poor)).toEqual({
      received: 200 * M,
      committed: 35 * M,
      paid: 35 * M,
      available: 130 * M,
    });
    expect((await money.dossier(failed.id)).currentStep.id).toBe('advance-order');

    // A new transaction for the failed order (not reissued yet) is not awaited; a district treasurer may import but
    // not confirm at the province's step (the dossier service refuses, 403); neither moves anything.
    const late = await importStatement(`${HEADER}\nFT1007,09/05/2024,50000000,${failed.reference},OK`);
    expect(late.body.lines).toEqual([expect.objectContaining({ status: 'not_awaiting_confirmation' })]);
    const district = await importStatement(
      `${HEADER}\nFT1008,09/05/2024,50000000,${mismatched.reference},OK`,
      {},
      'quy.hadong',
    );
    expect(district.body.lines).toEqual([
      expect.objectContaining({ status: 'refused', error: expect.objectContaining({ status: 403 }) }),
    ]);
    expect(await money.orders(mismatched.id)).toMatchObject([{ status: 'ordered' }]);
    expect(await money.payments(mismatched.poor)).toEqual([]);
  });

  it('two concurrent imports of overlapping statements pay each order once', async () => {
    const a = await awaitingConfirmation('đồng thời A');
    const b = await awaitingConfirmation('đồng thời B');
    const c = await awaitingConfirmation('đồng thời C');
    const line = (tx: string, reference: string) => `${tx},08/05/2024,50000000,${reference},OK`;
    const first = [HEADER, line('FT2001', a.reference), line('FT2002', b.reference)].join('\n');
    const second = [HEADER, line('FT2002', b.reference), line('FT2001', a.reference), line('FT2003', c.reference)].join(
      '\n',
    );
    const answers = await Promise.all([importStatement(first), importStatement(second)]);
    for (const answer of answers) expect(answer.status).toBe(200);
    // A transaction both imports took is decided by one Temporal update, and reported as settled by one import
    // only: the other finds it already settled (it attached to the same update, or came after it was recorded).
    const reported = answers.flatMap((a) =>
      a.body.lines.map((l: { transactionId: string; status: string }) => [l.transactionId, l.status]),
    );
    for (const tx of ['FT2001', 'FT2002', 'FT2003']) {
      const statuses = reported.filter(([id]) => id === tx).map(([, status]) => status);
      expect(statuses.filter((s) => s === 'settled')).toHaveLength(1);
      for (const s of statuses) expect(['settled', 'already_imported', 'already_settled']).toContain(s);
    }
    for (const { id, poor, women } of [a, b, c]) {
      expect((await money.payments(poor)).map((e) => e.amount)).toEqual([35 * M]);
      expect((await money.payments(women)).map((e) => e.amount)).toEqual([15 * M]);
      expect(await money.orders(id)).toMatchObject([{ status: 'paid' }]);
      expect((await money.dossier(id)).currentStep.id).toBe('completion-acceptance');
    }
    const recorded = await ctx.system.models.BankStatementLine.find({}).sort({ _id: 1 }).lean();
    expect(recorded.filter((r) => r._id.startsWith('FT200')).map((r) => [r._id, r.outcome])).toEqual([
      ['FT2001', 'settled'],
      ['FT2002', 'settled'],
      ['FT2003', 'settled'],
    ]);
  });

  it('reports a transaction settled once, however many imports learn the result of its one decision', async () => {
    const dossier = await awaitingConfirmation('cùng lúc');
    const content = `${HEADER}\nFT2101,08/05/2024,50000000,${dossier.reference},OK`;
    // Imports of one transaction all send its one Temporal update and all learn its result; only one may call it
    // theirs, however they interleave.
    const answers = await Promise.all([1, 2, 3, 4].map(() => importStatement(content)));
    const statuses = answers.map((a) => a.body.lines[0].status);
    expect(statuses.filter((s) => s === 'settled')).toHaveLength(1);
    for (const s of statuses) expect(['settled', 'already_settled', 'already_imported']).toContain(s);

    // The window where they used to both report `settled`: one import has the update's result and has reported it,
    // but has not yet recorded the line as decided; another import finds it pending, sends the same update, gets the
    // same result. It must report it as already settled.
    await ctx.system.models.BankStatementLine.updateOne({ _id: 'FT2101' }, { $set: { outcome: 'pending' } });
    const late = await importStatement(content);
    expect(late.body.lines).toEqual([expect.objectContaining({ status: 'already_settled', dossierId: dossier.id })]);
    expect((await money.payments(dossier.poor)).map((e) => e.amount)).toEqual([35 * M]);
    expect((await money.payments(dossier.women)).map((e) => e.amount)).toEqual([15 * M]);
  });

  it('refuses a caller without a treasury role (403) and a bad body field by field (422)', async () => {
    const forbidden = await importStatement(`${HEADER}\nFT3001,08/05/2024,1,x,OK`, {}, 'xa.hacau');
    expect(forbidden.status).toBe(403);
    const bad = await ctx.api.call('POST', '/api/payments/bank-statements', {
      as: 'khobac.hanoi',
      body: { fileName: '', content: 42 },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['/content', '/fileName']);
    const headerOnly = await importStatement(HEADER);
    expect(headerOnly.status).toBe(422);
    expect(headerOnly.body.error.fields).toMatchObject([{ path: '/content' }]);
  });
});
