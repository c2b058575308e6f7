import { formatVietnamLongDate, formatVietnamTime } from '../../api/documents/vietnam-clock';
import { vietnamDate } from '../../domain/time/vietnam-date';
import { getState, type DossierState } from '../../workflows/messages';
import { example, proposalIn } from './support/form-examples';
import { pdfText } from './support/pdf-text';
import { useTestSystem } from './support/use-test-system';
import { DEMO_ACCOUNTS } from '../../scripts/demo-accounts';

/** A demo user's full name, as documents print it instead of the username. */
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const nameOf = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username)!.displayName;

const ctx = useTestSystem();

const stateOf = (dossierId: string): Promise<DossierState> =>
  ctx.system.temporal.workflow.getHandle(ctx.system.workflowIdOf(dossierId)).query(getState);

/**
 * The workflow's state once the projection has caught up with it: the read model at its seq and an audit entry per
 * history entry (the projection writes the view first, then the audit entries). Polls for at most 10 s.
 */
async function settledState(dossierId: string): Promise<DossierState> {
  const giveUpAt = Date.now() + 10_000;
  for (;;) {
    const state = await stateOf(dossierId);
    const view = await ctx.system.models.DossierView.findById(dossierId, { seq: 1 }).lean();
    const audit = await ctx.system.models.AuditEntry.countDocuments({ dossierId });
    if ((view?.seq === state.seq && audit === state.history.length) || Date.now() > giveUpAt) return state;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The read model must agree with the workflow's own state after every decision. */
async function expectReadModelAgrees(dossierId: string): Promise<void> {
  const state = await settledState(dossierId);
  const view = await ctx.system.models.DossierView.findById(dossierId).lean();
  expect(view).toMatchObject({
    status: state.status,
    currentStep: state.currentStep,
    processingUnit: state.processingUnit,
    seq: state.seq,
    dueAt: state.dueAt ? new Date(state.dueAt) : null,
  });
  const audit = await ctx.system.models.AuditEntry.countDocuments({ dossierId });
  expect(audit).toBe(state.history.length);
}

/**
 * Everything a refused request must leave as it was: the workflow's state, the read model, the audit log, and the
 * submissions that are not discarded (a refused decision's own data is kept as `discarded`).
 */
async function snapshot(dossierId: string) {
  const state = await settledState(dossierId);
  const view = await ctx.system.models.DossierView.findById(dossierId).lean();
  return {
    state: {
      status: state.status,
      currentStep: state.currentStep,
      processingUnit: state.processingUnit,
      seq: state.seq,
      history: state.history,
      submissions: state.submissions,
    },
    view: { status: view?.status, currentStep: view?.currentStep, seq: view?.seq, dueAt: view?.dueAt },
    audit: await ctx.system.models.AuditEntry.countDocuments({ dossierId }),
    submissions: await ctx.system.models.Submission.countDocuments({ dossierId, state: { $ne: 'discarded' } }),
  };
}

/** Dossiers and submissions in the whole database: a refused creation adds neither. */
const totals = async () => ({
  dossiers: await ctx.system.models.DossierView.countDocuments({}),
  submissions: await ctx.system.models.Submission.countDocuments({}),
});

async function act(user: string, id: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return ctx.api.call('POST', `/api/dossiers/${id}/actions`, { as: user, body, headers });
}

/**
 * A new dossier; housing-support-2024 on version 3, the seed-era chain whose disbursement is one recorded payment
 * (version 4 commits funds and pays in tranches: funding-commitments and payment-tranches tests).
 */
async function create(
  user: string,
  processKey: string,
  unitCode: string,
  variant = '',
  processVersion = processKey === 'housing-support-2024' ? 3 : undefined,
) {
  const res = await ctx.api.call('POST', '/api/dossiers', {
    as: user,
    body: { processKey, ...(processVersion ? { processVersion } : {}), data: proposalIn(unitCode, variant) },
  });
  expect(res.status).toBe(201);
  return res.body;
}

async function inboxIds(user: string): Promise<string[]> {
  const res = await ctx.api.call('GET', '/api/inbox', { as: user });
  expect(res.status).toBe(200);
  return res.body.items.map((i: { id: string }) => i.id);
}

describe('the seed-era housing chain (commune → district → province → disbursement)', () => {
  it('runs a new build through every level to completion, with the read model in step', async () => {
    const created = await create('xa.hacau', 'housing-support-2024', 'HN-HD-HC');
    const id: string = created.id;
    expect(created).toMatchObject({
      status: 'received',
      timeliness: 'not_due',
      processVersion: 3,
      currentStep: { id: 'proposal', processingUnit: 'HN-HD-HC' },
    });
    expect(created.applicant).toMatchObject({ headName: 'Nguyễn Thị Hoa', supportType: 'new_build' });
    expect(await inboxIds('xa.hacau')).toContain(id);
    await expectReadModelAgrees(id);

    expect((await act('xa.hacau', id, { action: 'submit' })).body).toMatchObject({
      status: 'in_progress',
      currentStep: 'district-review',
      processingUnit: 'HN-HD',
    });
    expect(await inboxIds('quan.hadong')).toContain(id);
    expect(await inboxIds('xa.hacau')).not.toContain(id);
    await expectReadModelAgrees(id);

    const review = await act('quan.hadong', id, {
      action: 'approve',
      data: example('housing-review@1'),
      comment: 'Đủ điều kiện',
    });
    expect(review.body).toMatchObject({ currentStep: 'province-approval', processingUnit: 'HN' });
    await expectReadModelAgrees(id);

    const decision = await act('tp.hanoi', id, { action: 'approve', data: example('housing-decision@1') });
    expect(decision.body).toMatchObject({ currentStep: 'disbursement', processingUnit: 'HN-HD' });
    await expectReadModelAgrees(id);

    const paid = await act('quy.hadong', id, { action: 'approve', data: example('housing-disbursement@1') });
    expect(paid.body).toMatchObject({ status: 'completed', outcome: 'completed', currentStep: null });
    expect((await ctx.api.call('GET', `/api/dossiers/${id}`, { as: 'quy.hadong' })).body.timeliness).toBe('on_time');
    await expectReadModelAgrees(id);

    const final = await ctx.api.call('GET', `/api/dossiers/${id}`, { as: 'tp.hanoi' });
    expect(
      final.body.history.map((h: { action: string; actor: { userId: string } }) => `${h.action}:${h.actor.userId}`),
    ).toEqual(['create:xa.hacau', 'submit:xa.hacau', 'approve:quan.hadong', 'approve:tp.hanoi', 'approve:quy.hadong']);
    const approval = final.body.history[2];
    expect(approval).toMatchObject({
      fromStep: 'district-review',
      toStep: 'province-approval',
      comment: 'Đủ điều kiện',
      actor: { role: 'district_officer', unitCode: 'HN-HD' },
      onTime: true,
    });
    const submission = await ctx.api.call('GET', `/api/dossiers/${id}/submissions/${approval.submission.id}`, {
      as: 'quan.hadong',
    });
    expect(submission.body).toMatchObject({ form: 'housing-review@1', data: example('housing-review@1') });
    const view = await ctx.system.models.DossierView.findById(id).lean();
    expect(view?.amounts).toMatchObject({
      requested: 100_000_000,
      approved: example('housing-decision@1').approvedAmount,
      disbursed: example('housing-disbursement@1').amount,
    });
  });

  it('lets the district decide a repair without going to the province', async () => {
    const { id } = await create('xa.phuluong', 'housing-support-2024', 'HN-HD-PL', '.repair');
    await act('xa.phuluong', id, { action: 'submit' });
    const review = await act('quan.hadong', id, {
      action: 'approve',
      data: { ...example('housing-review@1'), approvedAmount: 60_000_000 },
    });
    expect(review.body).toMatchObject({ currentStep: 'disbursement', processingUnit: 'HN-HD' });
  });
});

describe('the post-2025 housing chain (commune → province → disbursement)', () => {
  // Version 2: one province step with the decision form (version 3, with a list approval, is in bulk-actions.test.ts).
  it('runs a new build to completion without a district', async () => {
    const { id } = await create('xa2025.hadong', 'housing-support-2025', 'HN-HADONG', '', 2);
    expect((await act('xa2025.hadong', id, { action: 'submit' })).body).toMatchObject({
      currentStep: 'province-approval',
      processingUnit: 'HN',
    });
    expect(await inboxIds('tp.hanoi')).toContain(id);
    await expectReadModelAgrees(id);
    expect((await act('tp.hanoi', id, { action: 'approve', data: example('housing-decision@1') })).body).toMatchObject({
      currentStep: 'disbursement',
      processingUnit: 'HN',
    });
    expect(
      (await act('khobac.hanoi', id, { action: 'approve', data: example('housing-disbursement@1') })).body,
    ).toMatchObject({ status: 'completed' });
    await expectReadModelAgrees(id);
  });

  it('refuses the seed-era process in a commune that has no district above it', async () => {
    const before = await totals();
    const res = await ctx.api.call('POST', '/api/dossiers', {
      as: 'xa2025.hadong',
      body: { processKey: 'housing-support-2024', data: proposalIn('HN-HADONG') },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('process_not_applicable');
    // Said in words an officer reads: the ward and the step by name, no level or process code.
    expect(res.body.error.message).toMatch(
      /^Phường Hà Đông không thuộc huyện, quận nào, mà quy trình “[^”]+” cần ở bước “Thẩm định của huyện”/,
    );
    expect(res.body.error.message).not.toMatch(/district|housing-support|HN-/);
    expect(await totals()).toEqual(before);
  });
});

describe('returns, rejections and withdrawals', () => {
  it('returns a dossier for supplement and resumes at the returning step after resubmission', async () => {
    const { id } = await create('xa.dongmai', 'housing-support-2024', 'HN-HD-DM');
    await act('xa.dongmai', id, { action: 'submit' });
    await act('quan.hadong', id, { action: 'approve', data: example('housing-review@1') });
    const returned = await act('tp.hanoi', id, { action: 'return', comment: 'Bổ sung giấy tờ đất' });
    expect(returned.body).toMatchObject({
      status: 'awaiting_supplement',
      currentStep: 'proposal',
      processingUnit: 'HN-HD-DM',
    });
    expect(await inboxIds('xa.dongmai')).toContain(id);
    await expectReadModelAgrees(id);

    const returnedState = await snapshot(id);
    const unchanged = await act('xa.dongmai', id, { action: 'submit' });
    expect(unchanged.status).toBe(422);
    expect(unchanged.body.error).toMatchObject({
      code: 'validation_failed',
      fields: [expect.objectContaining({ path: '/data', keyword: 'required' })],
    });
    expect(await snapshot(id)).toEqual(returnedState);

    const updated = proposalIn('HN-HD-DM');
    updated.commune.note = 'Đã bổ sung giấy chứng nhận quyền sử dụng đất';
    const resubmitted = await act('xa.dongmai', id, { action: 'submit', data: updated });
    expect(resubmitted.body).toMatchObject({
      status: 'in_progress',
      currentStep: 'province-approval',
      processingUnit: 'HN',
    });
    const dossier = await ctx.api.call('GET', `/api/dossiers/${id}`, { as: 'xa.dongmai' });
    expect(dossier.body.returnedFrom).toBeNull();
    expect(dossier.body.history.at(-1)).toMatchObject({
      action: 'submit',
      fromStep: 'proposal',
      toStep: 'province-approval',
    });
    await expectReadModelAgrees(id);
  });

  it('rejects only with a reason, and a rejected dossier takes no more actions', async () => {
    const { id } = await create('xa.yennghia', 'housing-support-2024', 'HN-HD-YN');
    await act('xa.yennghia', id, { action: 'submit' });
    const submitted = await snapshot(id);
    const noReason = await act('quan.hadong', id, { action: 'reject' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error).toMatchObject({
      code: 'validation_failed',
      fields: [expect.objectContaining({ path: '/comment', keyword: 'required' })],
    });
    expect(await snapshot(id)).toEqual(submitted);
    const rejected = await act('quan.hadong', id, { action: 'reject', comment: 'Hộ không thuộc diện hỗ trợ' });
    expect(rejected.body).toMatchObject({ status: 'rejected', outcome: 'rejected' });
    const closed = await snapshot(id);
    const again = await act('quan.hadong', id, { action: 'approve', data: example('housing-review@1') });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('action_not_allowed');
    expect(await snapshot(id)).toEqual(closed);
    await expectReadModelAgrees(id);
  });

  it('lets the commune withdraw a dossier that is at the district', async () => {
    const { id } = await create('xa.duongnoi', 'housing-support-2024', 'HN-HD-DN');
    await act('xa.duongnoi', id, { action: 'submit' });
    const withdrawn = await act('xa.duongnoi', id, { action: 'withdraw', comment: 'Hộ đã được hỗ trợ từ nguồn khác' });
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', outcome: 'withdrawn' });
    expect(await inboxIds('quan.hadong')).not.toContain(id);
  });
});

describe('refusals', () => {
  let id: string;
  beforeAll(async () => {
    ({ id } = await create('xa.biengiang', 'housing-support-2024', 'HN-HD-BG'));
    await act('xa.biengiang', id, { action: 'submit' });
  });

  // Every refusal here leaves the dossier as it was at the district's review.
  let atReview: Awaited<ReturnType<typeof snapshot>>;
  beforeEach(async () => {
    atReview ??= await snapshot(id);
    expect(atReview.state).toMatchObject({ currentStep: 'district-review', processingUnit: 'HN-HD', seq: 2 });
  });
  afterEach(async () => {
    expect(await snapshot(id)).toEqual(atReview);
  });

  it('refuses an approval by the wrong role with 403', async () => {
    const res = await act('quy.hadong', id, { action: 'approve', data: example('housing-review@1') });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'forbidden', fields: [] });
    // The step, the role (the one glossary) and the unit by name, never by code.
    expect(res.body.error.message).toBe(
      'Bước “Thẩm định của huyện” chỉ do Phòng LĐTBXH quận/huyện của Quận Hà Đông xử lý',
    );
  });

  it('hides a dossier from a commune outside its chain (404) and refuses its actions', async () => {
    const read = await ctx.api.call('GET', `/api/dossiers/${id}`, { as: 'xa.hacau' });
    expect(read.status).toBe(404);
    expect(read.body.error).toEqual({ code: 'not_found', message: `Không tìm thấy hồ sơ ${id}`, fields: [] });
    const withdraw = await act('xa.hacau', id, { action: 'withdraw', comment: 'x' });
    expect(withdraw.status).toBe(404);
    expect(withdraw.body.error.code).toBe('not_found');
    // The same answer as for a dossier that does not exist: nothing tells the two apart.
    const missing = await ctx.api.call('GET', '/api/dossiers/HN-HD-BG-2026-99999', { as: 'xa.hacau' });
    expect(missing.body.error).toEqual({ ...read.body.error, message: 'Không tìm thấy hồ sơ HN-HD-BG-2026-99999' });
  });

  it('refuses an action the current step does not offer with 409', async () => {
    const res = await act('xa.biengiang', id, { action: 'submit' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('action_not_allowed');
  });

  it('has the workflow validator refuse a decision that bypasses the API, with the reason', async () => {
    const handle = ctx.system.temporal.workflow.getHandle(ctx.system.workflowIdOf(id));
    const { decide } = await import('../../workflows/messages');
    await expect(
      handle.executeUpdate(decide, {
        args: [
          {
            action: 'approve',
            actor: { userId: 'x', role: 'district_officer', unitCode: 'HN-XX' },
            submission: { id: 'fake', form: 'housing-review@1' },
          },
        ],
      }),
    ).rejects.toMatchObject({ cause: { type: 'ActorNotPermitted' } });
    const state = await handle.query(getState);
    expect(state.currentStep).toBe('district-review');
  });

  it('refuses invalid form data field by field with 422, in Vietnamese and in English, and stores nothing', async () => {
    const before = await ctx.system.models.Submission.countDocuments({ dossierId: id });
    const bad = { ...example('housing-review@1'), approvedAmount: -5, unexpected: true };
    delete (bad as Record<string, unknown>).opinion;
    const vi = await act('quan.hadong', id, { action: 'approve', data: bad });
    expect(vi.status).toBe(422);
    expect(vi.body.error).toMatchObject({ code: 'validation_failed', message: 'Dữ liệu không hợp lệ' });
    const paths = vi.body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['/data/approvedAmount', '/data/opinion', '/data/unexpected']));
    const en = await act('quan.hadong', id, { action: 'approve', data: bad }, { 'accept-language': 'en' });
    expect(en.body.error.fields.map((f: { message: string }) => f.message)).not.toEqual(
      vi.body.error.fields.map((f: { message: string }) => f.message),
    );
    expect(await ctx.system.models.Submission.countDocuments({ dossierId: id })).toBe(before);
  });

  it('refuses an invalid proposal at creation with each failing field, and creates nothing', async () => {
    const before = await totals();
    const data = proposalIn('HN-HD-BG');
    data.household.citizenId = '12345';
    delete data.household.headName;
    const res = await ctx.api.call('POST', '/api/dossiers', {
      as: 'xa.biengiang',
      body: { processKey: 'housing-support-2024', data },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['/data/household/citizenId', '/data/household/headName']),
    );
    expect(await totals()).toEqual(before);
  });

  it('refuses form data on an action that takes none', async () => {
    const res = await act('xa.biengiang', id, { action: 'withdraw', comment: 'x', data: example('housing-review@1') });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.fields).toEqual([expect.objectContaining({ path: '/data' })]);
  });

  it('answers 422 at the path parameter for a malformed dossier id or form key, 400 for a bad encoding', async () => {
    // Path parameters have documented ranges (api/openapi/api-routes.ts), checked before any work.
    const long = await ctx.api.call('GET', `/api/dossiers/${'x'.repeat(2000)}`, { as: 'quan.hadong' });
    expect(long).toMatchObject({
      status: 422,
      body: { error: { code: 'validation_failed', fields: [{ path: '/path/id', keyword: 'maxLength' }] } },
    });
    expect(long.body.error.fields[0].message.length).toBeLessThan(100);
    const form = await ctx.api.call('GET', '/api/forms/Bad_Key/1', { as: 'quan.hadong' });
    expect(form).toMatchObject({
      status: 422,
      body: { error: { code: 'validation_failed', fields: [{ path: '/path/key', keyword: 'pattern' }] } },
    });
    const unknownForm = await ctx.api.call('GET', '/api/forms/no-such-form/1', { as: 'quan.hadong' });
    expect(unknownForm).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    const encoding = await ctx.api.call('GET', '/api/dossiers/%ZZ', { as: 'quan.hadong' });
    expect(encoding).toMatchObject({ status: 400, body: { error: { code: 'bad_request', fields: [] } } });
  });

  it('answers 404 for an unknown dossier and 401 without a token', async () => {
    const unknown = await ctx.api.call('GET', '/api/dossiers/HN-HD-BG-2026-99999', { as: 'quan.hadong' });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    const anonymous = await ctx.api.call('GET', '/api/inbox', { headers: { 'accept-language': 'en' } });
    expect(anonymous).toMatchObject({
      status: 401,
      body: { error: { code: 'unauthorized', message: 'Authentication required', fields: [] } },
    });
  });
});

describe('documents', () => {
  /** Fails unless each of `pieces` occurs in `text`, each after the one before. */
  const expectInOrder = (text: string, pieces: string[]) => {
    let from = 0;
    for (const piece of pieces) {
      const at = text.indexOf(piece, from);
      expect([piece, at >= 0 ? 'found in order' : `not after ${JSON.stringify(text.slice(from, from + 80))}`]).toEqual([
        piece,
        'found in order',
      ]);
      from = at + piece.length;
    }
  };
  const download = async (user: string, path: string) => {
    const res = await fetch(`${ctx.system.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${await ctx.api.token(user)}` },
    });
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    return Buffer.from(await res.arrayBuffer());
  };
  /** `2027-01-04` → `ngày 04 tháng 01 năm 2027`, written here from the date itself rather than through the code. */
  const longDate = (day: string) => `ngày ${day.slice(8, 10)} tháng ${day.slice(5, 7)} năm ${day.slice(0, 4)}`;

  it('print the control slip and the extension letter with the dossier, the applicant, the units and the dates', async () => {
    const { id } = await create('xa.hacau', 'housing-support-2024', 'HN-HD-HC', '.repair');
    expect((await act('xa.hacau', id, { action: 'submit' })).status).toBe(200);
    const submitted = (await ctx.api.call('GET', `/api/dossiers/${id}`, { as: 'quan.hadong' })).body;
    const previousDueAt: string = submitted.clock.overallDueAt;
    // The first working day after the current due date: the new promised date.
    let newDay = vietnamDate(previousDueAt);
    do newDay = vietnamDate(Date.parse(`${newDay}T12:00:00+07:00`) + 86_400_000);
    while (!(await ctx.system.calendar.day(newDay, 'HN-HD')).working);
    const reason = 'Chờ kết quả xác minh hiện trạng nhà ở của hộ ông Bình';
    const extended = await ctx.api.call('POST', `/api/dossiers/${id}/extension`, {
      as: 'quan.hadong',
      body: { reason, newDueDate: newDay },
    });
    expect(extended.status).toBe(200);
    // The district then approves the repair itself: a third hand-off, to its own disbursement step.
    const review = await act('quan.hadong', id, {
      action: 'approve',
      data: { ...example('housing-review@1'), approvedAmount: 60_000_000 },
    });
    expect(review.body).toMatchObject({ currentStep: 'disbursement' });
    const dossier = (await ctx.api.call('GET', `/api/dossiers/${id}`, { as: 'quan.hadong' })).body;
    expect(vietnamDate(dossier.clock.extension.newDueAt)).toBe(newDay);

    const printedFrom = new Date();
    const slip = await pdfText(await download('xa.hacau', `/api/dossiers/${id}/control-slip.pdf`));
    const printedTo = new Date();
    expect(slip.pages).toHaveLength(1);
    const lines = slip.pages[0]!.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
        `Mã hồ sơ: ${id}`,
        'Thủ tục: Hỗ trợ nhà ở cho hộ nghèo, cận nghèo (xã → huyện → tỉnh)',
        'Tổ chức, cá nhân: Trần Văn Bình',
        `Ngày, giờ tiếp nhận: ${formatVietnamTime(dossier.openedAt)}`,
        `Hạn giải quyết: ${formatVietnamTime(dossier.clock.extension.newDueAt)}`,
      ]),
    );
    // Dated at the ward's own place name on the day it was printed (either side of a midnight that fell during the
    // download), under the ward's People's Committee and the district's above it (Decree 30).
    expect([printedFrom, printedTo].map((at) => `Hà Cầu, ${formatVietnamLongDate(at)}`)).toContain(
      lines.find((line) => line.startsWith('Hà Cầu, ')),
    );
    expect(slip.flat).toContain('UBND QUẬN HÀ ĐÔNG UBND PHƯỜNG HÀ CẦU');
    // One row per hand-off (the extension is none), as the control slip's JSON lists them: who handed it over, to
    // whom, when, the result and its timeliness.
    const rows = (await ctx.api.call('GET', `/api/dossiers/${id}/control-slip`, { as: 'xa.hacau' })).body.rows;
    expect(rows.map((r: { action: string }) => r.action)).toEqual(['create', 'submit', 'approve']);
    // A cell wraps after a slash ("xã/" then "phường"), which the extracted text joins with a space.
    expectInOrder(slip.flat.replace(/\/ /g, '/'), [
      `1. Giao: Phường Hà Cầu (${nameOf('xa.hacau')}) Nhận: Phường Hà Cầu — Đề xuất của xã/phường`,
      formatVietnamTime(rows[0].at),
      capitalised(rows[0].timeliness.text.vi),
      rows[0].result.vi,
      `2. Giao: Phường Hà Cầu — Đề xuất của xã/phường (${nameOf('xa.hacau')}) Nhận: Quận Hà Đông — Thẩm định của huyện`,
      formatVietnamTime(rows[1].at),
      capitalised(rows[1].timeliness.text.vi),
      rows[1].result.vi,
      `3. Giao: Quận Hà Đông — Thẩm định của huyện (${nameOf('quan.hadong')}) Nhận: Quận Hà Đông — Giải ngân`,
      formatVietnamTime(rows[2].at),
      capitalised(rows[2].timeliness.text.vi),
      rows[2].result.vi,
    ]);

    const letter = await pdfText(await download('xa.hacau', `/api/dossiers/${id}/extension-letter.pdf`));
    expect(letter.pages).toHaveLength(1);
    expect(letter.pages[0]!.split('\n')).toEqual(
      expect.arrayContaining([
        'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
        'Kính gửi: Ông/Bà Trần Văn Bình.',
        `Hà Đông, ${longDate(vietnamDate(dossier.clock.extension.at))}`,
      ]),
    );
    expect(letter.flat).toContain(`Lập trên hệ thống bởi ${nameOf('quan.hadong')}`);
    expect(letter.flat).toContain('UBND THÀNH PHỐ HÀ NỘI UBND QUẬN HÀ ĐÔNG');
    expectInOrder(letter.flat, [
      // The commune received the dossier; the district extended its deadline and apologises.
      `${longDate(vietnamDate(dossier.openedAt)).replace('ngày', 'Ngày')}, Phường Hà Cầu tiếp nhận`,
      'thủ tục Hỗ trợ nhà ở cho hộ nghèo, cận nghèo (xã → huyện → tỉnh)',
      `mã hồ sơ ${id}.`,
      `hẹn trả kết quả là ${longDate(vietnamDate(previousDueAt))}.`,
      'Tuy nhiên đến nay, UBND Quận Hà Đông chưa trả kết quả',
      `lý do: ${reason}.`,
      `sẽ trả kết quả giải quyết hồ sơ vào ${longDate(newDay)}.`,
    ]);
  });
});

describe('concurrent decisions', () => {
  it('applies exactly one of two simultaneous submissions and refuses the other', async () => {
    const { id } = await create('xa.hacau', 'housing-support-2024', 'HN-HD-HC');
    const results = await Promise.all([
      act('xa.hacau', id, { action: 'submit' }),
      act('xa.hacau', id, { action: 'submit' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe('action_not_allowed');
    const state = await ctx.system.temporal.workflow.getHandle(ctx.system.workflowIdOf(id)).query(getState);
    expect(state.history.map((h) => h.action)).toEqual(['create', 'submit']);
    expect(state.seq).toBe(2);
    await expectReadModelAgrees(id);
  });
});

describe('idempotency', () => {
  it('creates one dossier for a repeated create with the same Idempotency-Key', async () => {
    const body = { processKey: 'housing-support-2024', data: proposalIn('HN-HD-HC') };
    const headers = { 'idempotency-key': `create-${Date.now()}-hacau` };
    const first = await ctx.api.call('POST', '/api/dossiers', { as: 'xa.hacau', body, headers });
    const second = await ctx.api.call('POST', '/api/dossiers', { as: 'xa.hacau', body, headers });
    expect(first.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(await ctx.system.models.Submission.countDocuments({ dossierId: first.body.id })).toBe(1);
  });

  it('does not act twice for a repeated request with the same Idempotency-Key', async () => {
    const { id } = await create('xa.hacau', 'housing-support-2024', 'HN-HD-HC');
    const key = { 'idempotency-key': `submit-${id}` };
    const first = await act('xa.hacau', id, { action: 'submit' }, key);
    const second = await act('xa.hacau', id, { action: 'submit' }, key);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const state = await ctx.system.temporal.workflow.getHandle(ctx.system.workflowIdOf(id)).query(getState);
    expect(state.history.filter((h) => h.action === 'submit')).toHaveLength(1);
    const submitted = await snapshot(id);
    const other = await act('xa.hacau', id, { action: 'withdraw', comment: 'x' }, key);
    expect(other.status).toBe(422);
    expect(other.body.error).toMatchObject({
      code: 'validation_failed',
      fields: [expect.objectContaining({ path: '/headers/idempotency-key', keyword: 'idempotency' })],
    });
    expect(await snapshot(id)).toEqual(submitted);
  });

  it("answers a retry whose first attempt was applied but whose answer was lost with that attempt's outcome", async () => {
    const { id } = await create('xa.hacau', 'housing-support-2024', 'HN-HD-HC');
    const key = { 'idempotency-key': `lost-answer-${id}` };
    const first = await act('xa.hacau', id, { action: 'submit' }, key);
    expect(first.status).toBe(200);
    // As after a 202 or a 5xx: the stored answer is not final, so the retry reaches the service again. The
    // dossier has moved on (submit is no longer allowed), and the retry must still get the submit's outcome.
    const marked = await ctx.system.models.IdempotencyRecord.updateOne(
      { state: 'done', 'body.dossierId': id },
      { $set: { state: 'failed' }, $unset: { status: 1, body: 1 } },
    );
    expect(marked.modifiedCount).toBe(1);
    const retry = await act('xa.hacau', id, { action: 'submit' }, key);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(retry.body).toEqual(first.body);
    const state = await ctx.system.temporal.workflow.getHandle(ctx.system.workflowIdOf(id)).query(getState);
    expect(state.history.filter((h) => h.action === 'submit')).toHaveLength(1);
  });

  it('treats an expired record of a key as absent: the same key and body start a new dossier', async () => {
    const body = { processKey: 'housing-support-2024', data: proposalIn('HN-HD-HC') };
    const headers = { 'idempotency-key': `expired-${Date.now()}-hacau` };
    const first = await ctx.api.call('POST', '/api/dossiers', { as: 'xa.hacau', body, headers });
    expect(first.status).toBe(201);
    const aged = await ctx.system.models.IdempotencyRecord.updateOne(
      { dossierId: first.body.id },
      { $set: { createdAt: new Date(Date.now() - 25 * 3600_000) } },
    );
    expect(aged.modifiedCount).toBe(1);
    const again = await ctx.api.call('POST', '/api/dossiers', { as: 'xa.hacau', body, headers });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(again.body.id).not.toBe(first.body.id);
    const replay = await ctx.api.call('POST', '/api/dossiers', { as: 'xa.hacau', body, headers });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.id).toBe(again.body.id);
  });
});
