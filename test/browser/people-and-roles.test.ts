// People by name and roles from the one glossary, in Debian's Chromium against a real system: a dossier decided by
// the ward, the district and the city through the API; the district's officer opens it in the officer app. The
// header names the person and their role (in English once English is chosen), the timeline names each person by full
// name and title and each role by its glossary name, never a username or a role code; at desktop and phone width,
// with axe. Screenshots go to test-output/screenshots/people/ (not committed).
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ROLE_NAMES } from '../../domain/roles';
import { DEMO_ACCOUNTS } from '../../scripts/demo-accounts';
import { example, proposalIn } from '../integration/support/form-examples';
import { useTestSystem } from '../integration/support/use-test-system';
import { officerSteps } from './support/officer-steps';
import { openAppPage } from './support/open-app-page';
import { seriousAxeViolationsAtBothWidths } from './support/serious-axe-violations';

const ctx = useTestSystem();
const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'screenshots', 'people');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1200, height: 900 };
const account = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username)!;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
let id: string;

beforeAll(async () => {
  ({ browser } = await openAppPage(SCREENSHOTS));
  await Promise.all(browser.contexts().map((c) => c.close()));
  // The app's CSP forbids inline scripts; the context bypasses it so that axe's source can be injected.
  context = await browser.newContext({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: DESKTOP,
    bypassCSP: true,
  });
  page = await context.newPage();
  problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
  const created = await ctx.api.call('POST', '/api/dossiers', {
    as: 'xa.hacau',
    body: { processKey: 'housing-support-2024', data: proposalIn('HN-HD-HC') },
  });
  expect(created.status).toBe(201);
  id = created.body.id;
  for (const [as, body] of [
    ['xa.hacau', { action: 'submit' }],
    ['quan.hadong', { action: 'approve', data: example('housing-review@1'), comment: 'Đủ điều kiện' }],
    ['tp.hanoi', { action: 'return', comment: 'Bổ sung ảnh hiện trạng nhà ở' }],
  ] as const) {
    const res = await ctx.api.call('POST', `/api/dossiers/${id}/actions`, { as, body });
    expect(res.status).toBe(200);
  }
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const shot = async (name: string) => {
  for (const [width, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
    // The parts this test is about, at a size one can read.
    for (const part of ['app-header', 'app-timeline'])
      await page.locator(`.${part}`).screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}-${part}.png`) });
  }
  await page.setViewportSize(DESKTOP);
};

describe('people and roles', () => {
  it('names each person by full name and title and each role by its glossary name on the timeline', async () => {
    const officer = officerSteps(page);
    await page.goto(`${ctx.system.baseUrl}/`);
    await officer.login('xa.hacau');
    await page.goto(`${ctx.system.baseUrl}/dossiers/${id}`);
    await page.locator(`main[data-dossier-id="${id}"]`).waitFor();
    const timeline = page.locator('.app-timeline');
    await timeline.locator('.app-timeline-entry').nth(2).waitFor();
    const text = (await timeline.textContent())!;
    for (const username of ['xa.hacau', 'quan.hadong', 'tp.hanoi']) {
      expect(text).toContain(account(username).displayName);
      expect(text).not.toContain(username);
    }
    for (const role of ['commune_officer', 'district_officer', 'province_officer']) {
      expect(text).toContain(ROLE_NAMES[role]!.vi);
      expect(text).not.toContain(role);
    }
    expect(await page.locator('.app-user-name').textContent()).toBe(account('xa.hacau').displayName);
    expect(await page.locator('.app-user-role').textContent()).toBe(ROLE_NAMES.commune_officer!.vi);
    await shot('timeline');
    expect(await seriousAxeViolationsAtBothWidths(page)).toEqual([]);
  });

  it('names the role in English in the header once English is chosen', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.locator('.app-user-role').getByText(ROLE_NAMES.commune_officer!.en, { exact: true }).waitFor();
    // The person's title in English too: Nguyễn Thị Hoa — Poverty-reduction officer, Phường Hà Cầu.
    expect(await page.locator('.app-user-name').textContent()).toBe(account('xa.hacau').displayNameEn);
    expect(account('xa.hacau').displayNameEn).toContain('Poverty-reduction officer');
    const timeline = (await page.locator('.app-timeline').textContent())!;
    expect(timeline).toContain(ROLE_NAMES.district_officer!.en);
    expect(timeline).toContain(account('quan.hadong').displayName);
    await shot('header-english');
    expect(await seriousAxeViolationsAtBothWidths(page)).toEqual([]);
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
    await page.locator('.app-user-name').getByText(account('xa.hacau').displayName, { exact: true }).waitFor();
    expect(problems).toEqual([]);
  });
});
