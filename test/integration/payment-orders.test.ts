// The treasury's list of payment orders and the background import of bank statements (issue 14), through the API
// and the real workflow on housing-support-2024@4: who sees which orders, their paging and filters, a job's
// progress and report, and the bounds on its size.
import { eventually } from './support/eventually';
import { M, moneyDossiers } from './support/money-dossiers';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();
const money = moneyDossiers(ctx);
const HEADER = 'Mã GD,Ngày giá trị,Số tiền,Nội dung,Trạng thái';

const orders = (query: string, as = 'khobac.hanoi') => ctx.api.call('GET', `/api/payments/orders${query}`, { as });
const startImport = (content: string, as = 'khobac.hanoi') =>
  ctx.api.call('POST', '/api/payments/bank-statement-imports', { as, body: { fileName: 'saoke-lon.csv', content } });
const finished = (id: string, as = 'khobac.hanoi') =>
  eventually(`import job ${id} to end`, async () => {
    const res = await ctx.api.call('GET', `/api/payments/bank-statement-imports/${id}`, { as });
    expect(res.status).toBe(200);
    return res.body.status === 'running' ? undefined : res.body;
  });
/** Today in Việt Nam as YYYY-MM-DD, and a day a week before. */
const vnDay = (offsetDays = 0) =>
  new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('payment orders and background imports', () => {
  let first: Awaited<ReturnType<typeof money.awaitingConfirmation>>;
  let second: Awaited<ReturnType<typeof money.awaitingConfirmation>>;
  beforeAll(async () => {
    first = await money.awaitingConfirmation('danh sách 1');
    second = await money.awaitingConfirmation('danh sách 2');
  });

  it('lists the orders awaiting confirmation, newest first, to the units above the dossier and no one else', async () => {
    const res = await orders('?status=ordered');
    expect(res.status).toBe(200);
    const ids = res.body.items.map((i: { dossierId: string }) => i.dossierId);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
    expect(ids.indexOf(first.id)).toBeGreaterThanOrEqual(0);
    const view = await ctx.system.models.DossierView.findById(first.id).lean();
    const item = res.body.items.find((i: { dossierId: string }) => i.dossierId === first.id);
    expect(item).toEqual({
      id: expect.any(String),
      dossierId: first.id,
      household: view?.applicant['headName'],
      receivingUnit: 'HN-HD-HC',
      trancheId: 'advance',
      tranche: { vi: 'Tạm ứng khi khởi công', en: 'Advance at the start of works' },
      amount: 50 * M,
      funds: [
        { fundId: first.poor, name: 'Quỹ Vì người nghèo (danh sách 1)', amount: 35 * M },
        { fundId: first.women, name: 'Hội Phụ nữ (danh sách 1)', amount: 15 * M },
      ],
      status: 'ordered',
      attempt: 1,
      reference: first.reference,
      createdAt: expect.any(String),
      settledAt: null,
    });
    expect(typeof item.household).toBe('string');

    // The district's treasurer and the receiving commune see it; another commune's officer sees no order at all.
    const district = await orders('?status=ordered', 'quy.hadong');
    expect(district.body.items.map((i: { dossierId: string }) => i.dossierId)).toEqual(
      expect.arrayContaining([first.id, second.id]),
    );
    const commune = await orders('', 'xa.hacau');
    expect(commune.body.items.map((i: { dossierId: string }) => i.dossierId)).toEqual(
      expect.arrayContaining([first.id, second.id]),
    );
    expect((await orders('', 'xa.dongmai')).body).toEqual({ items: [], nextCursor: null });
    // A unit filter: the receiving commune's orders, none of a sibling commune's.
    expect((await orders('?unit=HN-HD-HC')).body.items.length).toBeGreaterThanOrEqual(2);
    expect((await orders('?unit=HN-HD-YN')).body.items).toEqual([]);
  });

  it('pages by cursor without gaps or repeats, and filters by the day created', async () => {
    const all = (await orders('?limit=200')).body.items.map((i: { id: string }) => i.id);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await orders(
        `?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      paged.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
    expect(all.length).toBeGreaterThanOrEqual(2);

    expect((await orders(`?from=${vnDay()}&to=${vnDay()}`)).body.items.map((i: { id: string }) => i.id)).toEqual(all);
    expect((await orders(`?to=${vnDay(-1)}`)).body.items).toEqual([]);
    expect((await orders(`?from=${vnDay(1)}`)).body.items).toEqual([]);
    const reversed = await orders(`?from=${vnDay()}&to=${vnDay(-1)}`);
    expect(reversed.status).toBe(422);
    expect(reversed.body.error.fields).toMatchObject([{ path: '/query/to' }]);
    expect((await orders('?cursor=bm90LWEtY3Vyc29y')).status).toBe(422);
  });

  it('imports a statement in the background: 202, progress, then every line; the order is then listed as paid', async () => {
    const content = [
      HEADER,
      `FT5001,08/05/2024,50000000,CK ${first.reference},OK`,
      `FT5002,08/05/2024,50000000,HS-KHONG-CO-advance,OK`,
      `FT5003,08/05/2024,1,${second.reference},OK`,
      `FT5004,32/05/2024,1,x,OK`,
    ].join('\n');
    const started = await startImport(content);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ fileName: 'saoke-lon.csv', status: 'running', total: 4, done: 0 });
    expect(started.headers.get('location')).toBe(`/api/payments/bank-statement-imports/${started.body.id}`);
    const job = await finished(started.body.id);
    expect(job).toMatchObject({ status: 'finished', total: 4, done: 4 });
    expect(job.counts).toEqual({ settled: 1, unknown_reference: 1, amount_mismatch: 1, bad_line: 1 });
    expect(job.lines.map((l: { line: number; status: string }) => [l.line, l.status])).toEqual([
      [2, 'settled'],
      [3, 'unknown_reference'],
      [4, 'amount_mismatch'],
      [5, 'bad_line'],
    ]);
    // Only the officer who started it reads the job.
    expect(
      (await ctx.api.call('GET', `/api/payments/bank-statement-imports/${started.body.id}`, { as: 'quy.hadong' }))
        .status,
    ).toBe(404);

    const paid = (await orders('?status=paid')).body.items.find((i: { dossierId: string }) => i.dossierId === first.id);
    expect(paid).toMatchObject({ status: 'paid', settledAt: expect.any(String) });
    expect((await orders('?status=ordered')).body.items.map((i: { dossierId: string }) => i.dossierId)).not.toContain(
      first.id,
    );
    expect((await money.payments(first.poor)).map((e) => e.amount)).toEqual([35 * M]);

    // The same file again, in the background too: nothing moves, each decided line is reported as imported before.
    const again = await finished((await startImport(content)).body.id);
    expect(again.lines[0]).toMatchObject({ status: 'already_imported', earlier: 'settled' });
    expect((await money.payments(first.poor)).map((e) => e.amount)).toEqual([35 * M]);
  });

  it('marks a job whose server stopped as failed, saying to import the file again', async () => {
    const old = new Date(Date.now() - 10 * 60_000);
    await ctx.system.models.BankStatementJob.create({
      _id: 'job-interrupted-by-a-restart',
      fileName: 'saoke.csv',
      by: 'khobac.hanoi',
      status: 'running',
      total: 300,
      done: 120,
      createdAt: old,
      heartbeatAt: old,
    });
    const job = await ctx.api.call('GET', '/api/payments/bank-statement-imports/job-interrupted-by-a-restart', {
      as: 'khobac.hanoi',
    });
    expect(job.body).toMatchObject({
      status: 'failed',
      done: 120,
      total: 300,
      failure: expect.stringContaining('nhập lại'),
    });
    expect(job.body.lines).toBeUndefined();
    expect((await ctx.system.models.BankStatementJob.findById('job-interrupted-by-a-restart').lean())?.status).toBe(
      'failed',
    );
  });

  it('bounds a background import: a treasury role (403), 1 to 5,000 lines (422), a body up to 12 MB (413)', async () => {
    expect((await startImport(`${HEADER}\nFT6001,08/05/2024,1,x,OK`, 'xa.hacau')).status).toBe(403);
    const header = await startImport(HEADER);
    expect(header.status).toBe(422);
    expect(header.body.error.fields).toMatchObject([{ path: '/content', keyword: 'minItems' }]);
    const lines = Array.from({ length: 5_001 }, (_, i) => `FT7${String(i).padStart(4, '0')},08/05/2024,1,x,OK`);
    const tooMany = await startImport([HEADER, ...lines].join('\n'));
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error.fields).toMatchObject([{ path: '/content', keyword: 'maxItems' }]);
    const huge = await startImport('x'.repeat(13_000_000));
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
  });
});
