import { randomUUID } from 'node:crypto';
import { eventually } from './support/eventually';
import { DEMO_PASSWORD } from '../../scripts/demo-accounts';
import { proposalIn } from './support/form-examples';
import { disbursedLoans } from './support/disbursed-loans';
import { createOpenApiConformance } from './support/openapi-conformance';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();

describe('the OpenAPI document', () => {
  it('publishes an OpenAPI 3.1 document whose paths are exactly the routes the app serves', async () => {
    const doc = await ctx.api.call('GET', '/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();
    const { createApp } = await import('../../api/create-app');
    const app = createApp({
      db: {} as never,
      models: ctx.system.models,
      temporal: ctx.system.temporal,
      taskQueue: 'x',
      embedSigningKeys: ctx.system.embedSigningKeys,
      logger: { error: () => undefined },
    });
    const served = listRoutes(app).sort();
    expect(served).toEqual(documented);
  });

  it('describes the answers of the main routes as the API sends them, success and refusal alike', async () => {
    const conformance = createOpenApiConformance((await ctx.api.call('GET', '/openapi.json')).body);
    const call = async (
      method: string,
      url: string,
      options: { as?: string; body?: unknown; headers?: Record<string, string> } = {},
    ) => conformance.check(method, url, await ctx.api.call(method, url, options));

    // Signing in, the caller, the registry and the units.
    expect(
      (await call('POST', '/api/auth/login', { body: { username: 'xa.hacau', password: DEMO_PASSWORD } })).status,
    ).toBe(200);
    expect((await call('POST', '/api/auth/login', { body: { username: 'xa.hacau', password: 'wrong' } })).status).toBe(
      401,
    );
    expect((await call('POST', '/api/auth/login', { body: { username: '' } })).status).toBe(422);
    // A session: refreshed (the pair rotates), a spent refresh token refused, then signed out.
    const signedIn = await call('POST', '/api/auth/login', {
      body: { username: 'xa.yennghia', password: DEMO_PASSWORD },
    });
    const refreshed = await call('POST', '/api/auth/refresh', { body: { refreshToken: signedIn.body.refreshToken } });
    expect(refreshed.status).toBe(200);
    expect(
      (await call('POST', '/api/auth/refresh', { body: { refreshToken: signedIn.body.refreshToken } })).status,
    ).toBe(401);
    expect((await call('POST', '/api/auth/refresh', { body: {} })).status).toBe(422);
    const second = await call('POST', '/api/auth/login', {
      body: { username: 'xa.yennghia', password: DEMO_PASSWORD },
    });
    const bearer = { authorization: `Bearer ${second.body.token}` };
    expect(
      conformance.check('POST', '/api/auth/logout', await ctx.api.call('POST', '/api/auth/logout', { headers: bearer }))
        .status,
    ).toBe(204);
    expect(
      conformance.check('POST', '/api/auth/logout', await ctx.api.call('POST', '/api/auth/logout', { headers: bearer }))
        .status,
    ).toBe(401);
    // Failed sign-ins past the account's limit: 429 with Retry-After, before the password is checked.
    let throttled = await call('POST', '/api/auth/login', { body: { username: 'openapi.nobody', password: 'x' } });
    while (throttled.status === 401) {
      throttled = await call('POST', '/api/auth/login', { body: { username: 'openapi.nobody', password: 'x' } });
    }
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    await call('GET', '/api/me', { as: 'xa.hacau' });
    await call('GET', '/api/processes', { as: 'xa.hacau' });
    await call('GET', '/api/units', { as: 'xa.hacau' });
    await call('GET', '/api/units?all=true&under=HN-HD', { as: 'xa.hacau' });

    // A dossier: created, read, handed on, returned for supplement (its clock stopped), and its control slip.
    const created = await call('POST', '/api/dossiers', {
      as: 'xa.hacau',
      body: { processKey: 'housing-support-2024', data: proposalIn('HN-HD-HC') },
    });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    const submissionId: string = created.body.submissions.proposal.id;
    await call('GET', `/api/dossiers/${id}/submissions/${submissionId}`, { as: 'xa.hacau' });
    expect(
      (await call('POST', `/api/dossiers/${id}/actions`, { as: 'xa.hacau', body: { action: 'submit' } })).status,
    ).toBe(200);
    await call('GET', '/api/inbox', { as: 'quan.hadong' });
    await call('GET', '/api/inbox?limit=1&status=in_progress&q=hoa', { as: 'quan.hadong' });
    expect((await call('GET', '/api/inbox?cursor=garbage', { as: 'quan.hadong' })).status).toBe(422);
    const returned = await call('POST', `/api/dossiers/${id}/actions`, {
      as: 'quan.hadong',
      body: { action: 'return', comment: 'Thiếu biên bản họp thôn' },
    });
    expect(returned.status).toBe(200);
    expect((await call('GET', `/api/dossiers/${id}`, { as: 'xa.hacau' })).body.clock.stoppedAt).toEqual(
      expect.any(String),
    );
    await call('GET', `/api/dossiers/${id}/control-slip`, { as: 'xa.hacau' });
    await call('GET', `/api/inbox`, { as: 'xa.hacau' });
    const bulk = await call('POST', '/api/dossiers/bulk-actions', {
      as: 'quan.hadong',
      body: { dossierIds: [id], action: 'approve', dryRun: true },
    });
    expect(bulk.status).toBe(422);
    expect((await call('GET', '/api/dossiers/HS-NONE', { as: 'xa.hacau' })).status).toBe(404);

    // Notifications (one stored as the workflow's timer would) and the SLA views.
    await ctx.system.models.Notification.create({
      _id: `${id}#1#reminder-step#conformance#district_officer@HN-HD`,
      dossierId: id,
      processKey: 'housing-support-2024',
      kind: 'reminder',
      scope: 'step',
      step: 'district-review',
      dueAt: new Date(),
      recipientRole: 'district_officer',
      recipientUnit: 'HN-HD',
      at: new Date(),
      readBy: [],
    });
    const notifications = await call('GET', '/api/notifications', { as: 'quan.hadong' });
    expect(notifications.body.items).toHaveLength(1);
    await call('POST', `/api/notifications/${encodeURIComponent(notifications.body.items[0].id)}/read`, {
      as: 'quan.hadong',
    });
    await call('GET', '/api/sla/pending', { as: 'lanhdao.hanoi' });
    await call('GET', '/api/sla/summary', { as: 'lanhdao.hanoi' });
    await call('GET', '/api/sla/summary?finishedBy=unit', { as: 'lanhdao.hanoi' });

    // Administration: users, units, embed tokens, the registry, the calendar, the audit log.
    const admin = { as: 'admin.hanoi' };
    await call('GET', '/api/admin/users?q=hacau', admin);
    const user = await call('POST', '/api/admin/users', {
      ...admin,
      body: {
        username: 'openapi.check',
        displayName: 'Kiểm tra OpenAPI',
        password: 'mat-khau-dai-1',
        grants: [{ role: 'commune_officer', unitCode: 'HN-HD-HC' }],
      },
    });
    expect(user.status).toBe(201);
    await call('POST', '/api/admin/users/openapi.check/grants', {
      ...admin,
      body: { role: 'district_officer', unitCode: 'HN-HD' },
    });
    await call('POST', '/api/admin/users/openapi.check/unlock', admin);
    await call('POST', '/api/admin/users/openapi.check/sessions/revoke', admin);
    expect((await call('POST', '/api/admin/users/nobody.here/sessions/revoke', admin)).status).toBe(404);
    await call('POST', '/api/admin/users/openapi.check/deactivate', admin);
    const unit = {
      code: 'HN-OPENAPI',
      name: 'Phường Thử',
      level: 'commune',
      parentCode: 'HN',
      effectiveFrom: '2026-01-01',
    };
    expect((await call('POST', '/api/admin/units', { ...admin, body: unit })).status).toBe(201);
    await call('POST', '/api/admin/units/HN-OPENAPI/retire', { ...admin, body: { effectiveTo: '2026-12-31' } });
    const token = await call('POST', '/api/admin/embed-tokens', {
      ...admin,
      body: {
        label: 'Cổng thông tin phường Hà Cầu',
        processKey: 'housing-support-2024',
        unitCode: 'HN-HD-HC',
        origins: ['https://portal.example'],
        expiresAt: new Date(Date.now() + 7 * 86400_000).toISOString(),
      },
    });
    expect(token.status).toBe(201);
    await call('GET', '/api/admin/embed-tokens', admin);
    // The citizens' status lookup: an unknown dossier code is the lookup's one 404.
    const lookup = { body: { code: 'HN-HD-HC-2026-99999', secret: 'AAAA-BBBB-CCCC' } };
    expect((await call('POST', `/api/embed/${token.body.token}/status`, lookup)).status).toBe(404);
    await call('POST', `/api/admin/embed-tokens/${token.body.id}/revoke`, admin);
    await call('GET', '/api/admin/forms', admin);
    await call('GET', '/api/admin/processes', admin);
    await call('GET', '/api/admin/processes/housing-support-2024/2/diff', admin);
    expect((await call('GET', '/api/admin/forms/housing-proposal/1/diff', admin)).status).toBe(404);
    await call('GET', '/api/calendars/VN/2026', admin);
    await call('GET', '/api/calendars/HN/2026', admin);
    await call('POST', '/api/calendars/HN/2026/days', {
      ...admin,
      body: { date: '2026-03-02', kind: 'day_off', name: 'Nghỉ bù' },
    });
    await call('GET', '/api/calendars/HN/2026', admin);
    await call('GET', '/api/calendars/HN/2026/edits', admin);
    // A year's schedule as published: loaded whole, and refused field by field (a day off on a Saturday).
    const publication = { document: '1234/TB-BNV', date: '2026-11-20', issuer: 'Bộ Nội vụ' };
    const schedule = { publication, daysOff: [{ date: '2027-01-01', name: 'Tết Dương lịch' }], workingDays: [] };
    expect((await call('PUT', '/api/calendars/HN/2027', { ...admin, body: schedule })).status).toBe(200);
    const weekend = { ...schedule, daysOff: [{ date: '2027-01-02', name: 'thứ Bảy' }] };
    expect((await call('PUT', '/api/calendars/HN/2027', { ...admin, body: weekend })).status).toBe(422);
    await call('GET', '/api/admin/events', admin);
    await call('GET', '/api/admin/attention', admin);
    await call('GET', '/api/admin/attention', { as: 'xa.hacau' });
    await call('GET', '/api/admin/audit/verify', admin);
    await call('GET', '/api/admin/audit/verify', { as: 'xa.hacau' });

    // Every other operation, at least once: the registry, documents, clock actions, files, publishing, embed
    // endpoints, the remaining user administration, health and the document itself.
    const bytes = async (url: string, as: string) => {
      const res = await fetch(`${ctx.system.baseUrl}${url}`, {
        headers: { authorization: `Bearer ${await ctx.api.token(as)}` },
      });
      const json = res.headers.get('content-type')?.startsWith('application/json');
      const body = json ? await res.json() : await res.arrayBuffer();
      return conformance.check('GET', url, { status: res.status, body, headers: res.headers });
    };
    await call('GET', '/healthz');
    await call('GET', '/openapi.json');
    await call('GET', '/api/processes/housing-support-2024/1', { as: 'xa.hacau' });
    await call('GET', '/api/forms/housing-proposal/1', { as: 'xa.hacau' });
    expect((await bytes(`/api/dossiers/${id}/control-slip.pdf`, 'xa.hacau')).status).toBe(200);
    expect((await bytes(`/api/dossiers/${id}/extension-letter.pdf`, 'xa.hacau')).status).toBe(409);
    expect((await bytes(`/api/dossiers/${id}/approval-decision.pdf`, 'xa.hacau')).status).toBe(409);
    expect(
      (await call('POST', `/api/dossiers/${id}/extension`, { as: 'xa.hacau', body: { reason: 'x', newDueDate: '1' } }))
        .status,
    ).toBe(422);
    expect(
      (await call('POST', `/api/dossiers/${id}/deadline/recompute`, { as: 'xa.hacau', body: { reason: 'Lịch đổi' } }))
        .status,
    ).toBe(403);
    expect((await call('POST', '/api/files', { as: 'xa.hacau', body: { not: 'a file' } })).status).toBe(415);
    expect((await bytes('/api/files/AAAAAAAAAAAA', 'xa.hacau')).status).toBe(404);
    expect((await call('POST', '/api/admin/forms', { ...admin, body: { key: 'x' } })).status).toBe(422);
    expect((await call('POST', '/api/admin/processes', { ...admin, body: { key: 'x' } })).status).toBe(422);
    await call('POST', '/api/admin/users/openapi.check/activate', admin);
    await call('POST', '/api/admin/users/openapi.check/password', { ...admin, body: { password: 'mat-khau-dai-2' } });
    const names = { displayName: 'Người kiểm tra', displayNameEn: 'Checker' };
    expect((await call('POST', '/api/admin/users/openapi.check/names', { ...admin, body: names })).body).toMatchObject(
      names,
    );
    expect((await call('POST', '/api/admin/users/openapi.check/names', { ...admin, body: {} })).status).toBe(422);
    // Single sign-on is off in this system: the sign-in page is told so, and a link is refused (oidc.test.ts links).
    expect((await call('GET', '/api/auth/config')).body).toEqual({ oidc: null });
    const link = await call('POST', '/api/admin/users/openapi.check/oidc-link', { ...admin, body: { subject: 'a' } });
    expect(link).toMatchObject({ status: 409, body: { error: { code: 'oidc_off' } } });
    await call('POST', '/api/admin/users/openapi.check/grants/revoke', {
      ...admin,
      body: { role: 'district_officer', unitCode: 'HN-HD' },
    });
    // Funds and their ledgers (fund-ledger.test.ts tests them).
    const fund = await call('POST', '/api/admin/funds', {
      ...admin,
      body: { unitCode: 'HN-HD', kind: 'fund_for_the_poor', name: 'Quỹ Vì người nghèo quận Hà Đông' },
    });
    expect(fund.status).toBe(201);
    const receipt = { amount: 100_000_000, date: '2026-01-05', note: 'Đợt vận động' };
    expect((await call('POST', `/api/admin/funds/${fund.body._id}/receipts`, { ...admin, body: receipt })).status).toBe(
      201,
    );
    expect((await call('POST', `/api/admin/funds/${fund.body._id}/receipts`, { ...admin, body: {} })).status).toBe(422);
    expect((await call('GET', '/api/admin/funds', admin)).status).toBe(200);
    expect((await call('GET', `/api/funds/${fund.body._id}/ledger`, { as: 'quan.hadong' })).status).toBe(200);
    expect((await call('GET', `/api/funds/${fund.body._id}/balance`, { as: 'quan.hadong' })).status).toBe(200);
    expect((await call('GET', '/api/funds/no-such-fund/balance', { as: 'quan.hadong' })).status).toBe(404);
    // The fund's documents (fund-documents.test.ts reads them): a PDF, a workbook, and a reversed period.
    const period = `from=2026-01-01&to=2026-01-31`;
    expect((await bytes(`/api/funds/${fund.body._id}/payments.pdf?${period}`, 'quan.hadong')).status).toBe(200);
    expect((await bytes(`/api/funds/${fund.body._id}/commitments.pdf?${period}`, 'quan.hadong')).status).toBe(200);
    expect((await bytes(`/api/funds/${fund.body._id}/ledger.xlsx?${period}`, 'quan.hadong')).status).toBe(200);
    expect(
      (await bytes(`/api/funds/${fund.body._id}/ledger.xlsx?from=2026-02-01&to=2026-01-01`, 'quan.hadong')).status,
    ).toBe(422);
    const fundPath = `/api/admin/funds/${fund.body._id}`;
    expect((await call('PATCH', fundPath, { ...admin, body: { name: 'Quỹ đổi tên' } })).status).toBe(200);
    expect((await call('PATCH', fundPath, { ...admin, body: { active: 'no' } })).status).toBe(422);
    expect((await call('GET', '/api/funds?unit=HN-HD-HC', { as: 'xa.hacau' })).status).toBe(200);
    expect((await call('GET', '/api/funds?unit=HN-HD-HC', { as: 'xa.dongmai' })).status).toBe(403);
    // The fund summary (fund-summary.test.ts tests its figures).
    const summary = '/api/funds/summary?unit=HN-HD&from=2026-01-01&to=2026-01-31';
    expect((await call('GET', `${summary}&includeBelow=true`, { as: 'quan.hadong' })).status).toBe(200);
    expect((await call('GET', summary.replace('2026-01-31', '2025-12-31'), { as: 'quan.hadong' })).status).toBe(422);
    // The support report (support-report.test.ts checks its figures): JSON, workbook, PDF and a bad period.
    expect((await call('GET', '/api/reports/support?unit=HN-HD&period=2026-Q1', { as: 'quan.hadong' })).status).toBe(
      200,
    );
    expect((await call('GET', '/api/reports/support?unit=HN-HD', { as: 'quan.hadong' })).status).toBe(422);
    expect((await bytes('/api/reports/support.xlsx?unit=HN-HD&period=2026', 'quan.hadong')).status).toBe(200);
    expect(
      (await bytes('/api/reports/support.pdf?unit=HN-HD&from=2026-01-01&to=2026-01-31', 'quan.hadong')).status,
    ).toBe(200);
    // A disbursed loan's ledger and the loan report (loan-collections.test.ts tests their rules).
    const haCau = { commune: 'HN-HD-HC', officer: 'xa.hacau', board: 'tindung.hacau' };
    const loan = await disbursedLoans(ctx).disburse(haCau, '.housing', 50_000_000, '2025-02-10');
    const collection = { kind: 'collection', date: '2025-05-10', principal: 1_000_000, interest: 300_000 };
    const keyed = (body: unknown) => ({ as: 'nhcs.hadong', body, headers: { 'Idempotency-Key': randomUUID() } });
    expect((await call('POST', `/api/loans/${loan}/entries`, keyed(collection))).status).toBe(201);
    const tooMuch = { ...collection, principal: 60_000_000 };
    expect((await call('POST', `/api/loans/${loan}/entries`, keyed(tooMuch))).status).toBe(422);
    // Without a key: refused, so that a retry after a lost answer cannot book the money twice.
    const unkeyed = await call('POST', `/api/loans/${loan}/entries`, { as: 'nhcs.hadong', body: collection });
    expect([unkeyed.status, unkeyed.body.error.fields[0].path]).toEqual([422, '/headers/idempotency-key']);
    expect((await call('GET', `/api/loans/${loan}`, { as: 'quan.hadong' })).status).toBe(200);
    expect((await call('GET', '/api/reports/loans?unit=HN-HD&period=2025-H1', { as: 'quan.hadong' })).status).toBe(200);
    expect((await bytes('/api/reports/loans.xlsx?unit=HN-HD&period=2025-H1', 'quan.hadong')).status).toBe(200);
    expect((await bytes('/api/reports/loans.pdf?unit=HN-HD&period=2025-H1', 'quan.hadong')).status).toBe(200);

    // The campaign figures (campaign-figures.test.ts checks them against the ledger): a period and a bad range.
    const figures = '/api/reports/campaign-figures?unit=HN-HD';
    expect((await call('GET', `${figures}&period=2026-H1`, { as: 'quan.hadong' })).status).toBe(200);
    expect((await call('GET', `${figures}&from=2026-02-01&to=2026-01-01`, { as: 'quan.hadong' })).status).toBe(422);
    // A bank statement (bank-statements.test.ts settles real orders): an unknown reference and a bad line.
    const statement = {
      fileName: 'sk.csv',
      content: 'id,date,amount,text,status\nFT1,08/05/2024,1,HS-X-advance,OK\nFT2',
    };
    const imported = await call('POST', '/api/payments/bank-statements', { as: 'khobac.hanoi', body: statement });
    expect(imported.body.counts).toEqual({ unknown_reference: 1, bad_line: 1 });
    expect((await call('POST', '/api/payments/bank-statements', { as: 'xa.hacau', body: statement })).status).toBe(403);
    expect((await call('POST', '/api/payments/bank-statements', { as: 'khobac.hanoi', body: {} })).status).toBe(422);
    // The same in the background (payment-orders.test.ts follows real jobs), and the payment order list.
    const job = await call('POST', '/api/payments/bank-statement-imports', { as: 'khobac.hanoi', body: statement });
    expect(job.status).toBe(202);
    const jobPath = `/api/payments/bank-statement-imports/${job.body.id}`;
    const followed = await eventually('the import job to finish', async () => {
      const res = await call('GET', jobPath, { as: 'khobac.hanoi' });
      return res.body.status === 'running' ? undefined : res;
    });
    expect(followed.body).toMatchObject({ status: 'finished', counts: { unknown_reference: 1, bad_line: 1 } });
    expect((await call('GET', jobPath, { as: 'quy.hadong' })).status).toBe(404);
    expect(
      (await call('POST', '/api/payments/bank-statement-imports', { as: 'xa.hacau', body: statement })).status,
    ).toBe(403);
    expect((await call('POST', '/api/payments/bank-statement-imports', { as: 'khobac.hanoi', body: {} })).status).toBe(
      422,
    );
    expect((await call('GET', '/api/payments/orders?status=ordered', { as: 'khobac.hanoi' })).status).toBe(200);
    expect(
      (await call('GET', '/api/payments/orders?from=2026-02-01&to=2026-01-01', { as: 'khobac.hanoi' })).status,
    ).toBe(422);
    for (const [method, url] of [
      ['GET', '/api/embed/e1.forged.token/form?render=html&lang=en'],
      ['GET', '/api/embed/e1.forged.token/units'],
      ['POST', '/api/embed/e1.forged.token/submissions'],
      ['POST', '/api/embed/e1.forged.token/status'],
    ] as const) {
      expect((await call(method, url, { body: method === 'POST' ? { data: {} } : undefined })).status).toBe(401);
    }
    // Overlap rules (test/integration/overlap-checks.test.ts goes further): read, a bad rule refused.
    expect((await call('GET', '/api/admin/overlap-rules', { as: 'admin.hanoi' })).status).toBe(200);
    expect((await call('PUT', '/api/admin/overlap-rules', { as: 'admin.hanoi', body: { rules: [{}] } })).status).toBe(
      422,
    );

    // Plans (plans.test.ts tests who may write and read them, revisions and progress).
    const planBody = {
      unitCode: 'HN-HD',
      title: 'Kế hoạch năm 2024',
      kind: 'year',
      from: '2024-01-01',
      to: '2024-12-31',
      targets: [{ programme: 'savings_book', metric: 'count', value: 2, unitCode: 'HN-HD-HC' }],
    };
    const plan = await call('POST', '/api/plans', { as: 'quan.hadong', body: planBody });
    expect(plan.status).toBe(201);
    expect(
      (await call('POST', '/api/plans', { as: 'quan.hadong', body: { ...planBody, to: '2024-12-30' } })).status,
    ).toBe(422);
    expect((await call('GET', '/api/plans?unit=HN-HD-HC', { as: 'xa.hacau' })).status).toBe(200);
    expect((await call('GET', `/api/plans/${plan.body.id}`, { as: 'xa.hacau' })).status).toBe(200);
    const { unitCode: _unit, ...revised } = planBody;
    const revision = { ...revised, expectedRevision: 1, reason: 'Điều chỉnh' };
    expect((await call('PUT', `/api/plans/${plan.body.id}`, { as: 'quan.hadong', body: revision })).status).toBe(200);
    expect((await call('PUT', `/api/plans/${plan.body.id}`, { as: 'quan.hadong', body: revision })).status).toBe(409);
    expect((await call('GET', `/api/plans/${plan.body.id}/progress`, { as: 'quan.hadong' })).status).toBe(200);
    expect((await call('GET', `/api/plans/${plan.body.id}/progress`, { as: 'xa.dongmai' })).status).toBe(403);

    // Transition plans: the mapping names a process this test never starts, so every dossier it reports is blocked
    // and the execution moves none of the dossiers the rest of the test uses. It ends one grant of a user the test
    // does not use (not the default, every grant at the retired units); the national administrator's plan starts a
    // definition on its own first day.
    const transitionBody = {
      name: 'Sắp xếp 2025',
      legalBasis: 'Nghị quyết 1656/NQ-UBTVQH15',
      reformDate: '2025-07-01',
      grantsEnd: [{ unitCode: 'HN-HD', username: 'nhcs.hadong' }],
      definitionMapping: [
        {
          from: { processKey: 'savings-book-2024', processVersion: 1, step: 'proposal' },
          to: { processKey: 'savings-book-2025', processVersion: 1, step: 'proposal' },
        },
      ],
    };
    const transition = await call('POST', '/api/admin/transition-plans', { as: 'admin.hanoi', body: transitionBody });
    expect(transition.status).toBe(201);
    const badStep = {
      ...transitionBody,
      definitionMapping: [
        {
          ...transitionBody.definitionMapping[0]!,
          to: { processKey: 'savings-book-2025', processVersion: 1, step: 'nowhere' },
        },
      ],
    };
    expect((await call('POST', '/api/admin/transition-plans', { as: 'admin.hanoi', body: badStep })).status).toBe(422);
    expect((await call('GET', `/api/admin/transition-plans/${transition.body.id}`, { as: 'admin.hanoi' })).status).toBe(
      200,
    );
    expect((await call('GET', '/api/admin/transition-plans/unknown', { as: 'admin.hanoi' })).status).toBe(404);
    const transitionPath = `/api/admin/transition-plans/${transition.body.id}`;
    expect((await call('POST', `${transitionPath}/dry-run`, { as: 'admin.hanoi' })).status).toBe(200);
    const executed = await call('POST', `${transitionPath}/execute`, { as: 'admin.hanoi' });
    expect(executed.status).toBe(200);
    expect(executed.body.counts.move).toBe(0);
    expect(executed.body.grants).toMatchObject([{ username: 'nhcs.hadong', result: 'ended' }]);
    const plansListed = await call('GET', '/api/admin/transition-plans', { as: 'admin.hanoi' });
    expect(plansListed.body.items.map((p: { id: string }) => p.id)).toContain(transition.body.id);
    const reports = await call('GET', `${transitionPath}/reports`, { as: 'admin.hanoi' });
    expect(reports.body.items.map((r: { kind: string }) => r.kind)).toEqual(['execute', 'dry_run']);
    const definitionsStart = [{ processKey: 'housing-support-2025', processVersion: 2, firstDay: '2025-07-01' }];
    const national = await call('POST', '/api/admin/transition-plans', {
      as: 'admin.quocgia',
      body: { ...transitionBody, grantsEnd: [], definitionsStart },
    });
    expect(national.status).toBe(201);
    const nationalDry = await call('POST', `/api/admin/transition-plans/${national.body.id}/dry-run`, {
      as: 'admin.quocgia',
    });
    expect(nationalDry.body.definitions).toMatchObject([{ processKey: 'housing-support-2025', change: 'start' }]);
    // The national administrator reads the published versions that plans name (the page picks them by title).
    expect((await call('GET', '/api/admin/processes', { as: 'admin.quocgia' })).status).toBe(200);
    // Read back, the stored report keeps each definition's dates as documented (an open-ended side is `{}`).
    const nationalReports = await call('GET', `/api/admin/transition-plans/${national.body.id}/reports`, {
      as: 'admin.quocgia',
    });
    expect(nationalReports.body.items[0].definitions[0]).toMatchObject({ before: {}, after: expect.any(Object) });
    expect((await call('GET', '/api/plan-sources?unit=HN-HD', { as: 'quan.hadong' })).status).toBe(200);

    // The poverty register (poverty-register.test.ts tests its rules, access and coverage).
    const register = {
      unitCode: 'HN-HD-HC',
      year: 2024,
      expectedRevision: 0,
      reason: 'Rà soát cuối năm',
      households: [
        {
          headName: 'Chủ hộ',
          cccd: '001085099001',
          hamlet: 'Tổ 1',
          category: 'poor',
          ethnicMinority: false,
          members: [],
        },
      ],
    };
    expect((await call('POST', '/api/poverty-registers', { as: 'xa.hacau', body: register })).status).toBe(201);
    expect((await call('POST', '/api/poverty-registers', { as: 'xa.hacau', body: register })).status).toBe(409);
    expect((await call('GET', '/api/poverty-registers/HN-HD-HC/2024', { as: 'quan.hadong' })).status).toBe(200);
    expect(
      (await call('GET', '/api/poverty-register-summary?unit=HN-HD&year=2024', { as: 'quan.hadong' })).status,
    ).toBe(200);
    const notExcel = await call('POST', '/api/poverty-registers/xlsx', {
      as: 'xa.hacau',
      body: { content: 'aGVsbG8=' },
    });
    expect(notExcel.status).toBe(422);

    // Refusals before any handler: parameters out of range (422 at the field), bad percent-encoding (400), a body
    // over 1 MB (413); and a documented path asked with a method it does not serve (405 with Allow).
    const tooFar = await call('GET', '/api/sla/summary?to=275760-09-13&limit=1', { as: 'lanhdao.hanoi' });
    expect(tooFar.body.error.fields).toEqual([expect.objectContaining({ path: '/query/to', keyword: 'pattern' })]);
    expect((await call('GET', '/api/dossiers/%E0%A4%A', { as: 'xa.hacau' })).status).toBe(400);
    const huge = await call('POST', '/api/dossiers', { as: 'xa.hacau', body: { data: { x: 'a'.repeat(1_100_000) } } });
    expect(huge.status).toBe(413);
    const wrongMethod = await ctx.api.call('DELETE', `/api/dossiers/${id}`, { as: 'xa.hacau' });
    expect(wrongMethod).toMatchObject({ status: 405, body: { error: { code: 'method_not_allowed' } } });
    expect(wrongMethod.headers.get('allow')).toBe('GET, HEAD');

    expect(conformance.problems()).toEqual([]);
    // A documented operation that no answer came from is a route the document promises and the test never saw.
    expect(conformance.unexercised()).toEqual([]);
    expect(conformance.checked()).toEqual(
      expect.arrayContaining([
        'POST /api/auth/login 200',
        'POST /api/dossiers 201',
        'GET /api/dossiers/{id} 200',
        'POST /api/dossiers/{id}/actions 200',
        'GET /api/inbox 200',
        'GET /api/sla/pending 200',
        'GET /api/sla/summary 200',
        'GET /api/units 200',
        'GET /api/notifications 200',
      ]),
    );
  });
});

/** Every method+path registered on an Express 5 app, with `:param` written as `{param}`. */
function listRoutes(app: unknown): string[] {
  const routes: string[] = [];
  const visit = (
    stack: { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: unknown[] } }[],
  ) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) {
          routes.push(`${method.toUpperCase()} ${layer.route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`);
        }
      } else if (layer.handle?.stack) visit(layer.handle.stack as never);
    }
  };
  visit((app as { router: { stack: never[] } }).router.stack);
  return routes;
}
