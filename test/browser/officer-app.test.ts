// The officer web app in Debian's Chromium against a real system: a housing-support-2024 dossier started by the
// commune officer and decided through the UI by four users (commune → district → province → district fund), with
// a return for supplement and its resubmission, a draft surviving a reload, an earlier step shown read-only with
// its form version, the timeline, and session expiry. The dossier's state is checked through the API after every
// step. Screenshots for reviewers go to test-output/screenshots/app/ (not committed).
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { useTestSystem } from '../integration/support/use-test-system';
import { field, fillHousingProposal } from './support/fill-housing-proposal';
import {
  decisionPanel,
  fillHousingDecision,
  fillPaymentConfirmation,
  fillPaymentOrder,
  fillHousingReview,
} from './support/fill-housing-steps';
import { officerSteps } from './support/officer-steps';
import { DEMO_ACCOUNTS } from '../../scripts/demo-accounts';
import { openAppPage } from './support/open-app-page';
import { createEmbedToken, TEST_PORTAL } from '../integration/support/create-embed-token';
import { proposalIn } from '../integration/support/form-examples';
import { formatDmyDate } from '../../web/shared/widgets/format-dmy-date';

/** A demo user's full name, as the app shows people instead of usernames. */
const nameOf = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username)!.displayName;

const ctx = useTestSystem();
const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'screenshots', 'app');
const HEAD_NAME = 'Nguyễn Thị Hoa';
const CITIZEN_ID = '001185023456';
const RETURN_REASON = 'Thiếu biên bản họp thôn, đề nghị bổ sung';
const DUE_LABEL = 'Hạn xử lý';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
let dossierId: string;

beforeAll(async () => {
  ({ browser, context, page, problems } = await openAppPage(SCREENSHOTS));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
const url = (p: string) => `${ctx.system.baseUrl}${p}`;

/** The dossier as the API shows it (as the administrator, who sees every unit of Hà Nội). */
async function dossierState(): Promise<{
  status: string;
  currentStep: { id: string } | null;
  history: { action: string; comment?: string; actor: { userId: string } }[];
  submissions: Record<string, { form: string }>;
}> {
  const res = await ctx.api.call('GET', `/api/dossiers/${dossierId}`, { as: 'admin.hanoi' });
  expect(res.status).toBe(200);
  return res.body;
}

const steps = () => officerSteps(page);
const login = (username: string) => steps().login(username);
const logout = () => steps().logout();
const openFromInbox = () => steps().openFromInbox(dossierId);
const act = (name: string) => steps().act(name);

describe('the officer app', () => {
  it('serves the app with a strict CSP, long-cached hashed assets and an SPA fallback that leaves the API alone', async () => {
    const index = await fetch(url('/dossiers/HN-HD-HC-2026-00001'));
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const csp = index.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
    const html = await index.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const script = await fetch(url(asset!));
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(url('/assets/missing-0000.js'))).status).toBe(404);
    const api = await fetch(url('/api/nothing-here'));
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/json');
    expect((await fetch(url('/healthz'))).headers.get('content-type')).toContain('application/json');
  });

  it('lets the commune officer log in and start a housing dossier, keeping a draft across a reload', async () => {
    await page.goto(url('/'));
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await shot('01-login');
    await login('xa.hacau');
    await page.getByRole('heading', { name: 'Hồ sơ chờ xử lý' }).waitFor();
    await shot('02-inbox-empty');

    await page.getByRole('link', { name: 'Lập hồ sơ mới' }).click();
    await page.getByRole('link', { name: 'Hỗ trợ nhà ở cho hộ nghèo, cận nghèo (xã → huyện → tỉnh)' }).click();
    const form = page.locator('form.app-form');
    await field(form, '/household/headName', 'new').waitFor();
    // The officer's own ward, shown as its code until the unit list arrives, then by name with the code.
    expect(await field(form, '/household/address/unitCode', 'new').inputValue()).toContain('HN-HD-HC');
    await field(form, '/household/headName', 'new').fill(HEAD_NAME);
    await field(form, '/household/phone', 'new').fill('0912345678');

    // A reload keeps what was typed (a draft per user and programme).
    await page.reload();
    await field(form, '/household/headName', 'new').waitFor();
    expect(await field(form, '/household/headName', 'new').inputValue()).toBe(HEAD_NAME);
    expect(await field(form, '/household/phone', 'new').inputValue()).toBe('0912345678');

    await fillHousingProposal(form, { headName: HEAD_NAME, citizenId: CITIZEN_ID }, 'vi', 'new');
    await shot('03-new-dossier');
    await page.getByRole('button', { name: 'Lập hồ sơ' }).click();
    await page.locator('main.app-workspace').waitFor();
    dossierId = (await page.locator('main.app-workspace').getAttribute('data-dossier-id'))!;
    expect(dossierId).toMatch(/^HN-HD-HC-\d{4}-\d{5}$/);
    expect(new URL(page.url()).pathname).toBe(`/dossiers/${dossierId}`);
    const created = await dossierState();
    expect(created).toMatchObject({ status: 'received', currentStep: { id: 'proposal' } });
    expect(created.submissions.proposal?.form).toBe('housing-proposal@2');

    // The workspace shows the proposal as sent; "submit" sends it on to the district.
    expect(await field(decisionPanel(page), '/household/headName', 'step-proposal').inputValue()).toBe(HEAD_NAME);
    await act('Gửi lên cấp trên');
    expect(await dossierState()).toMatchObject({ status: 'in_progress', currentStep: { id: 'district-review' } });
    // The district decides now; the commune keeps only the applicant's withdraw.
    const buttons = await decisionPanel(page)
      .locator('button[data-action]')
      .evaluateAll((all) => all.map((b: any) => b.getAttribute('data-action')));
    expect(buttons).toEqual(['withdraw']);
    await logout();
  });

  it('lets the district see it in the inbox, read the proposal read-only, and return it with a required reason', async () => {
    await login('quan.hadong');
    const row = page.locator(`tr[data-dossier-id="${dossierId}"]`);
    await row.waitFor();
    await expect(row.locator('.app-badge').textContent()).resolves.toBe('Chưa đến hạn');
    await expect(row.textContent()).resolves.toContain(HEAD_NAME);
    await expect(row.textContent()).resolves.toContain('Thẩm định của huyện');
    // The processing unit by its name, its code in the tooltip.
    const unit = row.locator('[data-unit-code="HN-HD"][title="HN-HD"]');
    await unit.waitFor(); // named once the unit list arrived
    await expect(unit.textContent()).resolves.toBe('Quận Hà Đông');
    await expect(page.getByTestId('inbox-counts').textContent()).resolves.toBe(
      'Tổng số: 1 · Chưa đến hạn: 1 · Tới hạn: 0 · Quá hạn: 0 · Tạm dừng (chờ bổ sung): 0',
    );
    // The timeliness filter asks the API again: nothing is overdue, the dossier is not due yet.
    await page.getByLabel('Tình trạng hạn').selectOption('overdue');
    await page.getByText('Không có hồ sơ nào đang chờ bạn.').waitFor();
    await page.getByLabel('Tình trạng hạn').selectOption('not_due');
    await row.waitFor();
    await shot('04-inbox-district');
    await row.getByRole('link', { name: dossierId }).click();
    await page.locator(`main[data-dossier-id="${dossierId}"]`).waitFor();

    // The earlier step, read-only, with the form version it was validated against (in its tooltip, not words for
    // an officer) and its sender by name, never by username.
    const earlier = page.locator('details.app-earlier-step');
    await earlier.locator('summary').click();
    const sent = earlier.locator('p.app-muted').first();
    await expect(sent.getAttribute('title')).resolves.toContain('housing-proposal@2');
    await expect(sent.textContent()).resolves.toContain(nameOf('xa.hacau'));
    await expect(sent.textContent()).resolves.not.toContain('xa.hacau');
    const headName = field(earlier, '/household/headName', 'earlier-proposal');
    expect(await headName.inputValue()).toBe(HEAD_NAME);
    expect(await headName.isEditable()).toBe(false);
    // Units by name: the receiving and processing units in the summary (with their codes), the sender in the timeline.
    const summary = page.locator('.app-summary');
    await summary.locator('[data-unit-code="HN-HD-HC"][title]').waitFor();
    await expect(summary.textContent()).resolves.toContain('Phường Hà Cầu (HN-HD-HC)');
    await expect(summary.textContent()).resolves.toContain('Quận Hà Đông (HN-HD)');
    await expect(page.locator('.app-timeline-entry').first().textContent()).resolves.toContain('Phường Hà Cầu');
    await shot('05-workspace-district');

    // Return without a reason: refused in place, nothing sent.
    await decisionPanel(page).getByRole('button', { name: 'Trả lại để bổ sung' }).click();
    await expect(page.locator('#decision-comment-error').textContent()).resolves.toBe('Hãy nhập lý do.');
    expect(await dossierState()).toMatchObject({ status: 'in_progress', currentStep: { id: 'district-review' } });

    await page.getByLabel(/^Lý do/).fill(RETURN_REASON);
    await act('Trả lại để bổ sung');
    const returned = await dossierState();
    expect(returned).toMatchObject({ status: 'awaiting_supplement', currentStep: { id: 'proposal' } });
    expect(returned.history.at(-1)).toMatchObject({
      action: 'return',
      comment: RETURN_REASON,
      actor: { userId: 'quan.hadong' },
    });
    await logout();
  });

  it('lets the commune correct and resubmit the returned dossier, with the correction surviving a reload', async () => {
    await login('xa.hacau');
    // The inbox row says the deadline is paused ("Tạm dừng"), not blank.
    await page.getByRole('link', { name: 'Hộp hồ sơ' }).click();
    const row = page.locator(`tr[data-dossier-id="${dossierId}"]`);
    await row.waitFor();
    expect(await row.locator(`td[data-label="${DUE_LABEL}"]`).textContent()).toBe('Tạm dừng');
    await openFromInbox();
    // Where the commune looks: who returned it, when, and why, in the district officer's own words.
    const panel = decisionPanel(page);
    const returned = panel.getByTestId('returned-note');
    await returned.getByText(`Lý do: ${RETURN_REASON}`).waitFor();
    await expect(returned.textContent()).resolves.toContain(nameOf('quan.hadong'));
    expect(await page.locator('.app-summary-row', { hasText: DUE_LABEL }).locator('dd').textContent()).toBe('Tạm dừng');
    await shot('05b-workspace-returned');
    const note = field(panel, '/commune/note', 'step-proposal');
    await note.fill('Đã bổ sung biên bản họp thôn ngày 28/3/2024.');
    await page.reload();
    await panel.getByText('Đã khôi phục bản nháp chưa gửi của bạn.').waitFor();
    expect(await note.inputValue()).toBe('Đã bổ sung biên bản họp thôn ngày 28/3/2024.');
    await act('Gửi lên cấp trên');
    expect(await dossierState()).toMatchObject({ status: 'in_progress', currentStep: { id: 'district-review' } });
    // The draft is gone once the action succeeded.
    const drafts = await page.evaluate(() =>
      Object.keys((globalThis as any).localStorage).filter((k: string) => k.startsWith('hoso-app-draft')),
    );
    expect(drafts).toEqual([]);
    await logout();
  });

  it('lets the district approve, the city decide and commit the funds, the district fund order the advance and the treasury confirm it', async () => {
    await login('quan.hadong');
    await openFromInbox();
    // Sent empty: the count of fields to fix, which goes once they are filled in (each keeps its own message).
    await decisionPanel(page).getByRole('button', { name: 'Đồng ý, trình tỉnh', exact: true }).click();
    await decisionPanel(page)
      .getByText(/^Có \d+ trường cần sửa\.$/)
      .waitFor();
    await fillHousingReview(decisionPanel(page));
    expect(
      await decisionPanel(page)
        .getByText(/trường cần sửa/)
        .count(),
    ).toBe(0);
    // The first attempt reaches the server and is applied, but its answer is lost on the way back. The retry sends
    // the same Idempotency-Key, so the server answers with the first attempt's outcome instead of deciding twice.
    const keys: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/actions')) keys.push(r.headers()['idempotency-key'] ?? '');
    });
    await page.route(
      '**/api/dossiers/*/actions',
      async (route) => {
        await route.fetch();
        await route.abort('connectionreset');
      },
      { times: 1 },
    );
    await decisionPanel(page).getByRole('button', { name: 'Đồng ý, trình tỉnh', exact: true }).click();
    await decisionPanel(page).getByText('Không kết nối được máy chủ').waitFor();
    expect(await dossierState()).toMatchObject({ currentStep: { id: 'province-approval' } });
    await act('Đồng ý, trình tỉnh');
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    // Said where the dossier went, to whom and by when: not a bare "done".
    const outcome = page.getByTestId('decision-outcome');
    await outcome.getByText('Thành phố Hà Nội').waitFor();
    expect(await outcome.textContent()).toMatch(
      /^Đã chuyển hồ sơ đến bước “Phê duyệt của tỉnh” tại Thành phố Hà Nội \(Sở chuyên môn cấp tỉnh\)\. Hạn xử lý: [\d/: ]+\.$/,
    );
    expect(await dossierState()).toMatchObject({ status: 'in_progress', currentStep: { id: 'province-approval' } });
    await logout();

    await login('tp.hanoi');
    await openFromInbox();
    await fillHousingDecision(decisionPanel(page));
    await act('Phê duyệt và cam kết kinh phí');
    expect(await dossierState()).toMatchObject({ status: 'in_progress', currentStep: { id: 'advance-order' } });
    await logout();

    await login('quy.hadong');
    await openFromInbox();
    await fillPaymentOrder(decisionPanel(page), 'advance-order', 50_000_000);
    await shot('06-workspace-disbursement');
    await act('Lập lệnh chi');
    expect(await dossierState()).toMatchObject({ currentStep: { id: 'advance-confirmation' } });
    await logout();

    await login('khobac.hanoi');
    await openFromInbox();
    await fillPaymentConfirmation(decisionPanel(page), 'advance-confirmation');
    await act('Xác nhận đã chi trả');
    const done = await dossierState();
    // The advance is paid; the rest waits for the commune's completion acceptance.
    expect(done).toMatchObject({ status: 'in_progress', currentStep: { id: 'completion-acceptance' } });
    expect(done.history.map((h) => `${h.action}:${h.actor.userId}`)).toEqual([
      'create:xa.hacau',
      'submit:xa.hacau',
      'return:quan.hadong',
      'submit:xa.hacau',
      'approve:quan.hadong',
      'approve:tp.hanoi',
      'approve:quy.hadong',
      'approve:khobac.hanoi',
    ]);

    // The timeline shows every hand-off, with the return's reason, each decision in the words of the button that
    // took it (as the control slip says it), and people by name, never by username.
    const entries = page.locator('.app-timeline-entry');
    await expect(entries.count()).resolves.toBe(done.history.length);
    await expect(entries.nth(2).textContent()).resolves.toContain(RETURN_REASON);
    const heads = await page.locator('.app-timeline-head strong').allTextContents();
    expect(heads.slice(-3)).toEqual(['Phê duyệt và cam kết kinh phí', 'Lập lệnh chi', 'Xác nhận đã chi trả']);
    const timeline = (await page.locator('.app-timeline').textContent()) ?? '';
    expect(
      ['xa.hacau', 'quan.hadong', 'tp.hanoi', 'quy.hadong', 'khobac.hanoi'].filter((u) => timeline.includes(u)),
    ).toEqual([]);
    expect(timeline).toContain(nameOf('khobac.hanoi'));
    await expect(page.locator('main.app-workspace').getAttribute('data-status')).resolves.toBe('in_progress');
    await expect(page.locator('details.app-earlier-step').count()).resolves.toBe(5);
    await shot('07-workspace-completed');
  });

  it('sends an expired session back to the login page and returns to the same dossier after signing in', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await ctx.system.models.Session.updateMany(
      { userId: 'khobac.hanoi' },
      { $set: { expiresAt: new Date(Date.now() - 1000) } },
    );
    await page.reload();
    await page.getByText('Phiên đăng nhập đã hết hạn').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await login('khobac.hanoi');
    await page.locator(`main[data-dossier-id="${dossierId}"]`).waitFor();
    await shot('08-workspace-phone');
    // English, remembered across a reload, then Vietnamese again.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: /^Summary/ }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await shot('08b-workspace-phone-en');
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
    await page.getByRole('heading', { name: 'Quá trình xử lý' }).waitFor();
    await page.getByRole('link', { name: 'Hộp hồ sơ' }).click();
    await page.getByRole('heading', { name: 'Hồ sơ chờ xử lý' }).waitFor();
    await shot('09-inbox-phone');
    // The browser reports only the two failures the test caused (the lost answer, the expired session's refused
    // call): no CSP violation, no script error.
    expect(problems.filter((p) => !/status of 401 \(Unauthorized\)|ERR_CONNECTION_RESET/.test(p))).toEqual([]);
  });

  it("shows the commune the review fields a citizen's portal proposal left for it, and sends the dossier on once filled", async () => {
    const { token } = await createEmbedToken(ctx.api, {
      processKey: 'housing-support-2025',
      processVersion: 6,
      unitCode: 'HN-KIENHUNG',
    });
    const { commune, ...citizen } = proposalIn('HN-KIENHUNG');
    citizen.household.citizenId = '001190045678';
    const received = await ctx.api.call('POST', `/api/embed/${token}/submissions`, {
      headers: { origin: TEST_PORTAL },
      body: { data: citizen },
    });
    expect(received.status).toBe(201);
    const portalId = received.body.dossierId as string;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(url('/'));
    // After the tests above the page is still signed in; run alone, it is not.
    const signOut = page.getByRole('button', { name: 'Đăng xuất' });
    await signOut.or(page.getByLabel('Tên đăng nhập')).first().waitFor();
    if (await signOut.isVisible()) await logout();
    await login('xa2025.kienhung');
    await steps().openFromInbox(portalId);
    const panel = decisionPanel(page);
    const meetingDate = field(panel, '/commune/villageMeetingDate', 'step-proposal');
    await meetingDate.waitFor();
    expect(await meetingDate.inputValue()).toBe('');
    expect(await field(panel, '/household/headName', 'step-proposal').inputValue()).toBe(citizen.household.headName);
    await shot('10-portal-proposal-commune-fields');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('10b-portal-proposal-commune-fields-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    await meetingDate.fill(formatDmyDate(commune.villageMeetingDate)!);
    await field(panel, '/commune/agreementPercent', 'step-proposal').fill(String(commune.agreementPercent));
    await act('Gửi lên cấp trên');
    const sent = await ctx.api.call('GET', `/api/dossiers/${portalId}`, { as: 'admin.hanoi' });
    expect(sent.body).toMatchObject({ currentStep: { id: 'province-appraisal' } });
    await logout();
  });
});
