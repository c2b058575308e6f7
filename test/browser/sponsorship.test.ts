// A sponsorship commitment's missed month in the officer app, in Debian's Chromium against a real system: a
// commitment signed on sponsorship-2025@1 whose first month is two months back, so its first month's payment is late
// as soon as the coordinating body's step begins. The ward's coordinating body sees the escalation in the header's
// notifications naming the month ("Chưa chi trả kỳ tháng MM/YYYY"), opens the dossier and finds the month's payment,
// the amendment and the early end offered. Screenshots at desktop and phone width go to
// test-output/screenshots/sponsorship/ (not committed); axe checks the dossier page at both widths.
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { vietnamMonthOf } from '../../domain/time/vietnam-month-of';
import { DEMO_PASSWORD } from '../../scripts/demo-accounts';
import { eventually } from '../integration/support/eventually';
import { example } from '../integration/support/form-examples';
import { M, moneyDossiers } from '../integration/support/money-dossiers';
import { useTestSystem } from '../integration/support/use-test-system';
import { openAppPage } from './support/open-app-page';
import { seriousAxeViolationsAtBothWidths } from './support/serious-axe-violations';

const ctx = useTestSystem();
const money = moneyDossiers(ctx);
const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'screenshots', 'sponsorship');
const UNIT = 'HN-KIENHUNG';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
let id = '';
/** The commitment's first month: two months before this one (Việt Nam), whose payment is late at once. */
const missed = (() => {
  const [year, month] = vietnamMonthOf(new Date()).split('-').map(Number) as [number, number];
  const back = new Date(Date.UTC(year, month - 1 - 2, 1));
  return `${back.getUTCFullYear()}-${String(back.getUTCMonth() + 1).padStart(2, '0')}`;
})();

beforeAll(async () => {
  ({ browser, context, page, problems } = await openAppPage(SCREENSHOTS));
  const fund = await money.fund('Quỹ Vì người nghèo (nhận đỡ đầu)', 100 * M);
  const data = example('sponsorship-commitment@2');
  data.sponsor.unitCode = UNIT;
  data.beneficiary.unitCode = UNIT;
  Object.assign(data, {
    firstMonth: missed,
    months: 12,
    monthlyAmount: M,
    totalAmount: 12 * M,
    signedCommitment: [{ fileId: await money.upload('xa2025.kienhung') }],
  });
  const created = await ctx.api.call('POST', '/api/dossiers', {
    as: 'xa2025.kienhung',
    body: { processKey: 'sponsorship-2025', processVersion: 1, data },
  });
  expect(created.status).toBe(201);
  id = created.body.id;
  expect((await money.act('xa2025.kienhung', id, { action: 'submit' })).status).toBe(200);
  const signed = await money.act('chutich.kienhung', id, {
    action: 'approve',
    data: money.decision(12 * M, [[fund, 12 * M]]),
  });
  expect(signed.body.currentStep).toBe('month-payment');
  // The first month's day is past: the reminder and the escalation fire as soon as the step begins.
  await eventually('the escalation', async () =>
    (await ctx.system.models.Notification.countDocuments({ dossierId: id, kind: 'escalation' })) === 2
      ? true
      : undefined,
  );
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const shot = async (name: string) => {
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize({ width: 1200, height: 900 });
};

describe('a sponsorship month not paid, in the officer app', () => {
  it('tells the coordinating body which month is unpaid and offers the payment, an amendment and an early end', async () => {
    await page.goto(`${ctx.system.baseUrl}/`);
    await page.getByLabel('Tên đăng nhập').fill('daumoi.kienhung');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const button = page.getByTestId('notifications-button');
    await page.waitForFunction(
      () =>
        Number(
          (globalThis as any).document
            .querySelector('[data-testid="notifications-button"]')
            ?.getAttribute('data-unread') ?? '0',
        ) >= 2,
    );
    await button.click();
    const [year, month] = missed.split('-');
    const items = page.locator('#sla-notifications-panel li');
    await items.first().waitFor();
    const texts = await items.allTextContents();
    expect(texts.filter((t) => t.includes(id))).toEqual([
      expect.stringContaining(`Quá hạn, báo cáo cấp trên (bước) · Chưa chi trả kỳ tháng ${month}/${year}`),
      expect.stringContaining(`Nhắc hạn (bước) · Chưa chi trả kỳ tháng ${month}/${year}`),
    ]);
    await shot('01-notifications');

    await page.locator('#sla-notifications-panel').getByRole('link', { name: id }).first().click();
    for (const name of [
      'Lập lệnh chi kỳ tháng',
      'Đề nghị điều chỉnh cam kết',
      'Chấm dứt cam kết sớm, hủy phần kinh phí còn lại',
    ])
      await page.getByRole('button', { name }).waitFor();
    // The history names the workflow's own events: the reminder and the escalation, by the system.
    const escalated = page.locator('li.app-timeline-entry[data-action="escalate"]');
    await expect(escalated.textContent()).resolves.toContain('Quá hạn, báo cáo cấp trên');
    await expect(escalated.textContent()).resolves.toContain('Hệ thống');
    await shot('02-dossier');
    expect(problems).toEqual([]);
  });

  it('offers a post-2025 ward its sponsorship chain and the commitment form in Vietnamese', async () => {
    const ward = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    try {
      const p = await ward.newPage();
      await p.goto(`${ctx.system.baseUrl}/`);
      await p.getByLabel('Tên đăng nhập').fill('xa2025.kienhung');
      await p.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
      await p.getByRole('button', { name: 'Đăng nhập' }).click();
      await p.getByRole('link', { name: 'Lập hồ sơ mới' }).click();
      const chain = p.getByRole('link', {
        name: 'Nhận đỡ đầu, hỗ trợ thu nhập hằng tháng (cấp xã, từ 01/07/2025)',
        exact: true,
      });
      await chain.waitFor();
      await chain.click();
      const form = p.locator('form.app-form');
      for (const label of [
        'Tháng bắt đầu hỗ trợ',
        'Số tháng hỗ trợ',
        'Tổng kinh phí cam kết',
        'Tổ chức đầu mối chi trả',
      ])
        await form.getByText(label, { exact: false }).first().waitFor();
      await form.getByText('Bản cam kết đã ký').first().waitFor();
      page = p;
      await shot('03-commitment-form');
    } finally {
      await ward.close();
    }
  });

  it('passes axe on the dossier at the month’s payment, at desktop and phone width', async () => {
    // axe's source is injected, which the app's CSP forbids: this context bypasses it (the test above keeps it).
    const axeContext = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', bypassCSP: true });
    try {
      const axePage = await axeContext.newPage();
      await axePage.goto(`${ctx.system.baseUrl}/`);
      await axePage.getByLabel('Tên đăng nhập').fill('daumoi.kienhung');
      await axePage.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
      await axePage.getByRole('button', { name: 'Đăng nhập' }).click();
      await axePage.getByTestId('notifications-button').waitFor();
      await axePage.goto(`${ctx.system.baseUrl}/dossiers/${id}`);
      await axePage.getByRole('button', { name: 'Đề nghị điều chỉnh cam kết' }).waitFor();
      expect(await seriousAxeViolationsAtBothWidths(axePage)).toEqual([]);
    } finally {
      await axeContext.close();
    }
  });
});
