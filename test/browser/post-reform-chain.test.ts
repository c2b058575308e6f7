// The post-2025 housing chain (no district: commune → province appraisal → the city's unit head → the city treasury)
// clicked through in Debian's Chromium by four users against a real system, and a rejection with its required
// reason. The dossier's state is checked through the API after every step. Screenshots go to
// test-output/screenshots/post-reform/ (not committed).
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { postReformDossierAt } from '../integration/support/post-reform-dossier-at';
import { useTestSystem } from '../integration/support/use-test-system';
import { field, fillHousingProposal } from './support/fill-housing-proposal';
import {
  decisionPanel,
  fillHousingDecision,
  fillHousingReview,
  fillPaymentConfirmation,
  fillPaymentOrder,
} from './support/fill-housing-steps';
import { officerSteps } from './support/officer-steps';
import { openAppPage } from './support/open-app-page';

const ctx = useTestSystem();
const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'screenshots', 'post-reform');
const REJECT_REASON = 'Hộ không thuộc diện nghèo theo danh sách rà soát năm 2025';

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ browser, context, page } = await openAppPage(SCREENSHOTS));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
async function stateOf(id: string): Promise<{
  status: string;
  processKey: string;
  processVersion: number;
  currentStep: { id: string } | null;
  history: { action: string; comment?: string; actor: { userId: string } }[];
}> {
  const res = await ctx.api.call('GET', `/api/dossiers/${id}`, { as: 'admin.hanoi' });
  expect(res.status).toBe(200);
  return res.body;
}

describe('the post-2025 housing chain in the officer app', () => {
  it('goes from the commune to the paid advance through four users, without a district', async () => {
    const steps = officerSteps(page);
    await page.goto(`${ctx.system.baseUrl}/`);
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await steps.login('xa2025.kienhung');
    await page.getByRole('link', { name: 'Lập hồ sơ mới' }).click();
    await page.getByRole('link', { name: 'Hỗ trợ nhà ở cho hộ nghèo, cận nghèo (xã → tỉnh)' }).click();
    const form = page.locator('form.app-form');
    await field(form, '/household/headName', 'new').waitFor();
    // The officer's own ward, shown as its code until the unit list arrives, then by name with the code.
    expect(await field(form, '/household/address/unitCode', 'new').inputValue()).toContain('HN-KIENHUNG');
    await fillHousingProposal(form, { headName: 'Lê Văn Bình', citizenId: '001186034567' }, 'vi', 'new');
    await page.getByRole('button', { name: 'Lập hồ sơ' }).click();
    await page.locator('main.app-workspace').waitFor();
    const id = (await page.locator('main.app-workspace').getAttribute('data-dossier-id'))!;
    expect(await stateOf(id)).toMatchObject({
      processKey: 'housing-support-2025',
      status: 'received',
      currentStep: { id: 'proposal' },
    });
    await steps.act('Gửi lên cấp trên');
    expect(await stateOf(id)).toMatchObject({ status: 'in_progress', currentStep: { id: 'province-appraisal' } });
    await shot('01-commune-sent');
    await steps.logout();

    await steps.login('tp.hanoi');
    await steps.openFromInbox(id);
    await fillHousingReview(decisionPanel(page), 'province-appraisal');
    await shot('02-province-appraisal');
    await steps.act('Trình phê duyệt');
    expect(await stateOf(id)).toMatchObject({ currentStep: { id: 'province-approval' } });
    await steps.logout();

    await steps.login('lanhdao.hanoi');
    await steps.openFromInbox(id);
    await fillHousingDecision(decisionPanel(page));
    await steps.act('Phê duyệt và cam kết kinh phí');
    expect(await stateOf(id)).toMatchObject({ currentStep: { id: 'advance-order' } });
    await steps.logout();

    await steps.login('khobac.hanoi');
    await steps.openFromInbox(id);
    await fillPaymentOrder(decisionPanel(page), 'advance-order', 50_000_000);
    await steps.act('Lập lệnh chi');
    await fillPaymentConfirmation(decisionPanel(page), 'advance-confirmation');
    await steps.act('Xác nhận đã chi trả');
    const done = await stateOf(id);
    // The advance is paid; the rest waits for the commune's completion acceptance.
    expect(done).toMatchObject({ status: 'in_progress', currentStep: { id: 'completion-acceptance' } });
    expect(done.history.map((h) => `${h.action}:${h.actor.userId}`)).toEqual([
      'create:xa2025.kienhung',
      'submit:xa2025.kienhung',
      'approve:tp.hanoi',
      'approve:lanhdao.hanoi',
      'approve:khobac.hanoi',
      'approve:khobac.hanoi',
    ]);
    await expect(page.locator('.app-timeline-entry').count()).resolves.toBe(done.history.length);
    await shot('03-completed');
    await steps.logout();
  });

  it('rejects a dossier only with a reason, which the timeline then shows', async () => {
    const steps = officerSteps(page);
    const id = await postReformDossierAt(ctx.api, 'province-appraisal');
    await page.goto(`${ctx.system.baseUrl}/`);
    // Signed out whatever the test before left (it signs out at its end, unless it failed half-way).
    const signOut = page.getByRole('button', { name: 'Đăng xuất' });
    await signOut
      .or(page.getByRole('heading', { name: 'Đăng nhập' }))
      .first()
      .waitFor();
    if (await signOut.isVisible()) await steps.logout();
    await steps.login('tp.hanoi');
    await steps.openFromInbox(id);
    // Rejected without a reason: refused in place, nothing sent.
    await decisionPanel(page).getByRole('button', { name: 'Từ chối', exact: true }).click();
    await expect(page.locator('#decision-comment-error').textContent()).resolves.toBe('Hãy nhập lý do.');
    expect(await stateOf(id)).toMatchObject({ status: 'in_progress', currentStep: { id: 'province-appraisal' } });

    await page.getByLabel(/^Lý do/).fill(REJECT_REASON);
    await steps.act('Từ chối');
    const rejected = await stateOf(id);
    expect(rejected).toMatchObject({ status: 'rejected', currentStep: null });
    expect(rejected.history.at(-1)).toMatchObject({
      action: 'reject',
      comment: REJECT_REASON,
      actor: { userId: 'tp.hanoi' },
    });
    await expect(page.locator('.app-timeline-entry').last().textContent()).resolves.toContain(REJECT_REASON);
    await shot('04-rejected');
    await steps.logout();
  });
});
