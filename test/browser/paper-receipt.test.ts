// A dossier received on paper two days ago, entered now in the officer app, in Debian's Chromium against a real
// system: a future receipt time is refused under its field by the API (nothing created), the corrected one creates
// the dossier whose timeline says when the paper was received and when it was entered; a reload before creating keeps
// the receipt time with the form's draft. Screenshots at desktop and phone width go to
// test-output/screenshots/paper-receipt/ (not committed); axe checks the field with its error.
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { vietnamDate } from '../../domain/time/vietnam-date';
import { vietnamInstant } from '../../domain/time/vietnam-instant';
import { civilDate } from '../../domain/time/civil-date';
import { useTestSystem } from '../integration/support/use-test-system';
import { field, fillHousingProposal } from './support/fill-housing-proposal';
import { officerSteps } from './support/officer-steps';
import { openAppPage, type AppPage } from './support/open-app-page';
import { seriousAxeViolationsAtBothWidths } from './support/serious-axe-violations';

const ctx = useTestSystem();
const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'screenshots', 'paper-receipt');
const HOUSING = 'Hỗ trợ nhà ở cho hộ nghèo, cận nghèo (xã → huyện → tỉnh)';
const DAY = 86_400_000;

let app: AppPage;
beforeAll(async () => {
  app = await openAppPage(SCREENSHOTS);
});
afterAll(async () => {
  await app?.context.close();
  await app?.browser.close();
});

const shot = (p: Page, name: string) => p.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
/** The whole page and the part under test (`detail`, to read it closely), at desktop and then phone width. */
const atBothWidths = async (p: Page, name: string, detail: Locator) => {
  for (const [width, height, suffix] of [
    [1200, 900, 'desktop'],
    [390, 844, 'phone'],
  ] as const) {
    await p.setViewportSize({ width, height });
    await detail.scrollIntoViewIfNeeded();
    await shot(p, `${name}-${suffix}`);
    await detail.screenshot({ path: path.join(SCREENSHOTS, `${name}-${suffix}-detail.png`) });
  }
  await p.setViewportSize({ width: 1200, height: 900 });
};

/** Signs in as Hà Cầu's officer and fills the housing proposal's start form. */
async function openFilledForm(p: Page, citizenId: string): Promise<Locator> {
  await p.goto(`${ctx.system.baseUrl}/`);
  await officerSteps(p).login('xa.hacau');
  await p.getByRole('link', { name: 'Lập hồ sơ mới' }).click();
  await p.getByRole('link', { name: HOUSING }).click();
  const form = p.locator('form.app-form');
  await field(form, '/household/headName', 'new').waitFor();
  await fillHousingProposal(form, { headName: 'Đỗ Thị Hồng', citizenId }, 'vi', 'new');
  return form;
}

/** Types a receipt date (a Việt Nam calendar day) and time into the paper-receipt field. */
async function typeReceipt(p: Page, day: string, time: string) {
  await p.getByLabel('Ngày tiếp nhận').fill(civilDate(day));
  await p.getByLabel('Giờ tiếp nhận').fill(time);
}

describe('a paper dossier entered later in the officer app', () => {
  it('refuses a future receipt time under the field, then creates the dossier whose timeline shows both times', async () => {
    const { page, problems } = app;
    await openFilledForm(page, '001185023471');
    const fieldset = page.getByTestId('paper-receipt');
    expect(await fieldset.innerText()).toContain('Để trống nếu tiếp nhận ngay bây giờ');

    const before = await ctx.system.models.DossierView.countDocuments();
    await typeReceipt(page, vietnamDate(Date.now() + 2 * DAY), '08:30');
    await page.getByRole('button', { name: 'Lập hồ sơ' }).click();
    const error = fieldset.locator('.app-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('tương lai');
    expect(await page.getByLabel('Ngày tiếp nhận').getAttribute('aria-invalid')).toBe('true');
    expect(await ctx.system.models.DossierView.countDocuments()).toBe(before);
    await atBothWidths(page, '01-future-refused', fieldset);

    const day = vietnamDate(Date.now() - 2 * DAY);
    await typeReceipt(page, day, '08:30');
    expect(await error.count()).toBe(0);
    // An entry interrupted (a reload, a closed tab) keeps the receipt time with the form's draft.
    await page.reload();
    await field(page.locator('form.app-form'), '/household/headName', 'new').waitFor();
    await expect(page.getByLabel('Ngày tiếp nhận').inputValue()).resolves.toBe(civilDate(day));
    await expect(page.getByLabel('Giờ tiếp nhận').inputValue()).resolves.toBe('08:30');
    await page.getByRole('button', { name: 'Lập hồ sơ' }).click();
    await page.locator('main.app-workspace').waitFor();
    const id = (await page.locator('main.app-workspace').getAttribute('data-dossier-id'))!;
    const receivedAt = new Date(vietnamInstant(day, '08:30')).toISOString();
    const created = await ctx.api.call('GET', `/api/dossiers/${id}`, { as: 'xa.hacau' });
    expect(created.body.openedAt).toBe(receivedAt);
    expect(created.body.history[0]).toMatchObject({ action: 'create', receivedAt });

    const entry = page.getByTestId('paper-receipt-entry');
    await entry.waitFor();
    const words = await entry.innerText();
    expect(words).toContain(`Tiếp nhận hồ sơ giấy lúc ${civilDate(day)} 08:30`);
    expect(words).toContain(`nhập vào hệ thống lúc ${civilDate(vietnamDate(created.body.history[0].at))}`);
    await atBothWidths(page, '02-timeline', page.locator('.app-timeline-entry').first());

    // The control slip's receipt row is at the receipt, and says when the dossier was entered.
    const slip = page.getByTestId('control-slip');
    await slip.getByRole('button', { name: /Xem/ }).click();
    const firstRow = slip.locator('tbody tr').first();
    await firstRow.waitFor();
    expect(await firstRow.innerText()).toContain(`${civilDate(day)} 08:30`);
    expect(await firstRow.innerText()).toContain('nhập vào hệ thống lúc');
    await atBothWidths(page, '03-control-slip', slip);
    // The refused receipt time is a 422 the browser logs; nothing else may be.
    expect(problems.filter((p) => !/status of 422/.test(p))).toEqual([]);
  });

  it('passes axe with the receipt error shown, at desktop and phone width', async () => {
    // axe's source is injected, which the app's CSP forbids: this context bypasses it (the test above keeps it).
    const axeContext = await app.browser.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      bypassCSP: true,
    });
    try {
      const axePage = await axeContext.newPage();
      await openFilledForm(axePage, '001185023472');
      await typeReceipt(axePage, vietnamDate(Date.now()), '25:70');
      await axePage.getByRole('button', { name: 'Lập hồ sơ' }).click();
      await axePage.getByTestId('paper-receipt').locator('.app-error').waitFor();
      expect(await axePage.getByTestId('paper-receipt').innerText()).toContain('không phải là giờ hợp lệ');
      expect(await seriousAxeViolationsAtBothWidths(axePage)).toEqual([]);
    } finally {
      await axeContext.close();
    }
  });
});
