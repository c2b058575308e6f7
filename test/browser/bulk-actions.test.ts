// Deciding several dossiers together in the officer app, in Debian's Chromium against a real system: the city's
// unit head selects appraised housing-support-2025@3 dossiers in the inbox (by keyboard and with "select all"),
// approves them in one go with a shared comment, follows the progress and reads the summary, and the dossiers move
// on to the treasury (checked through the API and the read model). A dossier decided by someone else between the
// selection and the confirmation is refused with its reason and nothing is decided. Also at phone width and in
// English. Screenshots go to test-output/screenshots/bulk/.
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../scripts/demo-accounts';
import { postReformDossierAt } from '../integration/support/post-reform-dossier-at';
import { useTestSystem } from '../integration/support/use-test-system';
import { openAppPage } from './support/open-app-page';

const ctx = useTestSystem();
const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'screenshots', 'bulk');
const HEAD = 'lanhdao.hanoi';
const COMMENT = 'Quyết định 45/QĐ-UBND phê duyệt danh sách hộ được hỗ trợ';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
let ids: string[];
let appraising: string;

beforeAll(async () => {
  ({ browser, context, page, problems } = await openAppPage(SCREENSHOTS));
  ids = [];
  for (let i = 0; i < 7; i++) ids.push(await postReformDossierAt(ctx.api, 'province-approval'));
  appraising = await postReformDossierAt(ctx.api, 'province-appraisal');
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
const row = (id: string) => page.locator(`tr[data-dossier-id="${id}"]`);
const checkbox = (id: string) => page.getByRole('checkbox', { name: `Chọn hồ sơ ${id}`, exact: true });
const selectedCount = () => page.getByTestId('bulk-selected-count');
const dossier = async (id: string) => (await ctx.api.call('GET', `/api/dossiers/${id}`, { as: 'admin.hanoi' })).body;

async function login(username: string): Promise<void> {
  await page.goto(`${ctx.system.baseUrl}/`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Hồ sơ chờ xử lý' }).waitFor();
}

describe('deciding several dossiers together', () => {
  it('offers no selection where no step allows a bulk action (the per-dossier appraisal)', async () => {
    await login('tp.hanoi');
    await row(appraising).waitFor();
    // The row's step title comes from its definition: once it shows, the bulk actions are known too.
    await row(appraising).getByText('Thẩm định của Sở').waitFor();
    expect(await page.getByRole('checkbox').count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Xử lý nhiều hồ sơ cùng lúc' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
  });

  it('lets the unit head select dossiers by keyboard and approve them together, with progress and a summary', async () => {
    await login(HEAD);
    for (const id of ids) await checkbox(id).waitFor();

    // Keyboard: Space ticks the focused row's checkbox; Tab goes on to that row's link.
    await checkbox(ids[1]!).focus();
    await page.keyboard.press('Space');
    await checkbox(ids[0]!).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.textContent)).toBe(ids[0]);
    await selectedCount().getByText('Đã chọn 2 hồ sơ').waitFor();
    expect(
      await page
        .getByLabel('Chọn tất cả hồ sơ xử lý hàng loạt được trên trang này')
        .evaluate((e: any) => e.indeterminate),
    ).toBe(true);

    // Select all on the page, then leave one out.
    await page.getByLabel('Chọn tất cả hồ sơ xử lý hàng loạt được trên trang này').check();
    await selectedCount().getByText(`Đã chọn ${ids.length} hồ sơ`).waitFor();
    await checkbox(ids[6]!).uncheck();
    const chosen = ids.slice(0, 6);
    await selectedCount().getByText('Đã chọn 6 hồ sơ').waitFor();
    await shot('01-inbox-selected');

    await page.getByRole('button', { name: 'Phê duyệt (6)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Phê duyệt 6 hồ sơ' });
    await dialog.waitFor();
    for (const id of chosen) await dialog.getByText(id, { exact: true }).waitFor();
    await dialog.getByLabel('Ý kiến chung cho các hồ sơ (không bắt buộc)').fill(COMMENT);
    await shot('02-confirm-dialog');

    // Record every progress text the dialog shows (React renders them between requests, however fast).
    await page.evaluate(() => {
      const doc = (globalThis as any).document;
      const seen: string[] = ((globalThis as any).bulkProgressSeen = []);
      const observer = new (globalThis as any).MutationObserver(() => {
        const progress = doc.querySelector('dialog progress');
        const seenNow = progress
          ? `${progress.parentElement?.textContent ?? ''}|${progress.getAttribute('value')}/${progress.getAttribute('max')}`
          : '';
        if (seenNow && !seen.includes(seenNow)) seen.push(seenNow);
      });
      observer.observe(doc.querySelector('dialog'), {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
    });
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    const summary = dialog.getByTestId('bulk-summary');
    await summary.getByText('Hoàn tất: 6 hồ sơ thành công, 0 hồ sơ không thành công.').waitFor();
    const progress = (await page.evaluate(() => (globalThis as any).bulkProgressSeen)) as string[];
    // Five dossiers per request: the bar starts at 0 of 6 and moves after the first request.
    expect(progress).toEqual(expect.arrayContaining(['Đang xử lý 0/6|0/6', 'Đang xử lý 5/6|5/6']));

    // The inbox refreshed behind the dialog: the approved dossiers left it, the one left out stays.
    for (const id of chosen) await row(id).waitFor({ state: 'detached' });
    await row(ids[6]!).waitFor();
    await shot('03-summary');
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await dialog.waitFor({ state: 'detached' });
    await selectedCount().getByText('Đã chọn 0 hồ sơ').waitFor();

    for (const id of chosen) {
      const d = await dossier(id);
      expect(d).toMatchObject({ processVersion: 4, status: 'in_progress', currentStep: { id: 'disbursement' } });
      expect(d.history.at(-1)).toMatchObject({
        action: 'approve',
        fromStep: 'province-approval',
        comment: COMMENT,
        actor: { userId: HEAD, role: 'unit_head', unitCode: 'HN' },
      });
      expect(await ctx.system.models.DossierView.findById(id).lean()).toMatchObject({
        currentStep: 'disbursement',
        currentRole: 'treasurer',
        seq: d.seq,
      });
    }
    expect((await dossier(ids[6]!)).currentStep.id).toBe('province-approval');
    const treasury = await ctx.api.call('GET', '/api/inbox?limit=200', { as: 'khobac.hanoi' });
    expect(treasury.body.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining(chosen));
  });

  it('at phone width, refuses the whole batch when a dossier was decided meanwhile, saying which and why', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const last = ids[6]!;
    await checkbox(last).check();
    await page.getByRole('button', { name: 'Phê duyệt (1)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Phê duyệt 1 hồ sơ' });
    await dialog.waitFor();
    await shot('04-phone-dialog');

    // Someone approves it on its own page before the confirmation: it has moved to the treasury.
    expect(
      (await ctx.api.call('POST', `/api/dossiers/${last}/actions`, { as: HEAD, body: { action: 'approve' } })).status,
    ).toBe(200);
    const seq = (await dossier(last)).seq;
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await dialog.getByText('Chưa hồ sơ nào được xử lý, vì có hồ sơ không nhận được thao tác này:').waitFor();
    const problem = dialog.locator(`li[data-dossier-id="${last}"]`);
    expect(await problem.textContent()).toBe(
      `${last}: Bước “Giải ngân” chỉ do Thủ quỹ/Kho bạc của Thành phố Hà Nội xử lý`,
    );
    expect(await dialog.getByRole('button', { name: 'Xác nhận' }).count()).toBe(0);
    await shot('05-phone-refused');
    expect((await dossier(last)).seq).toBe(seq);

    // Escape closes the dialog; the refreshed inbox no longer lists the dossier.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await row(last).waitFor({ state: 'detached' });
    await page.setViewportSize({ width: 1200, height: 900 });
  });

  it('speaks English when asked', async () => {
    const extra = await postReformDossierAt(ctx.api, 'province-approval');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.reload(); // the new dossier is listed after a reload; the language is remembered
    const box = page.getByRole('checkbox', { name: `Select dossier ${extra}`, exact: true });
    await box.check();
    await page.getByTestId('bulk-selected-count').getByText('1 dossier selected').waitFor();
    await page.getByRole('button', { name: 'Approve (1)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Approve: 1 dossier' });
    await dialog.getByLabel('Comment for all of them (optional)').waitFor();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await dialog.getByText('Finished: 1 succeeded, 0 failed.').waitFor();
    await shot('06-english-summary');
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect((await dossier(extra)).currentStep.id).toBe('disbursement');
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
    // The browser logs the one refused request (the 422 of the check); nothing else may go wrong.
    expect(problems.filter((p) => !/status of 422/.test(p))).toEqual([]);
  });
});
