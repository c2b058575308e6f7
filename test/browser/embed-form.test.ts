// The embeddable form in Debian's Chromium: a person fills the housing proposal on a portal page on another origin,
// through the iframe and through <ho-so-form>; origins outside a token's allowlist can neither frame nor submit.
// Screenshots for reviewers go to test-output/screenshots/.
import path from 'node:path';
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { createFormValidator, type FieldError } from '../../forms';
import { formatDate } from '../../web/shared/format/format-date';
import { proposalIn } from '../integration/support/form-examples';
import { useTestSystem } from '../integration/support/use-test-system';
import { BAD_CITIZEN_ID, field, fieldErrors, fillHousingProposal } from './support/fill-housing-proposal';
import type { HostServer } from './support/start-host-server';
import { SCREENSHOTS, usePortalBrowser } from './support/use-portal-browser';
import { waitForValue } from './support/wait-for-value';

const ctx = useTestSystem();
const GOOD_CITIZEN_ID = '001185023456';
const DOSSIER_ID = /^HN-HD-HC-\d{4}-\d{5}$/;

const portal = usePortalBrowser('form.html');
let host: HostServer;
let context: BrowserContext;
let page: Page;
let consoleMessages: string[];

beforeEach(() => {
  ({ host, context, page } = portal);
  consoleMessages = [];
  page.on('console', (m: ConsoleMessage) => consoleMessages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => consoleMessages.push(`pageerror: ${e.message}`));
});

const inAWeek = () => new Date(Date.now() + 7 * 86400_000).toISOString();

/**
 * A token for the housing proposal in Phường Hà Cầu (unless `overrides` say otherwise), embeddable on `origins`: the
 * API's whole answer.
 */
async function createTokenAnswer(
  origins: string[],
  overrides: Record<string, unknown> = {},
): Promise<{ token: string; snippets: { iframe: string } }> {
  const res = await ctx.api.call('POST', '/api/admin/embed-tokens', {
    as: 'admin.hanoi',
    body: {
      label: 'Cổng thông tin phường Hà Cầu',
      processKey: 'housing-support-2024',
      unitCode: 'HN-HD-HC',
      origins,
      expiresAt: inAWeek(),
      ...overrides,
    },
  });
  expect(res.status).toBe(201);
  return res.body;
}

async function createToken(origins: string[]): Promise<string> {
  return (await createTokenAnswer(origins)).token;
}

/** The server's own messages for the two mistakes (a missing name, a 10-digit citizen ID), by field. */
async function expectedMistakes(lang: 'vi' | 'en'): Promise<Record<string, string>> {
  const form = await ctx.system.forms.get('housing-proposal@2');
  const data = proposalIn('HN-HD-HC');
  delete data.household.headName;
  data.household.citizenId = BAD_CITIZEN_ID;
  const result = createFormValidator().validate(form, data);
  if (result.valid) throw new Error('the bad proposal is valid');
  return Object.fromEntries(result.errors.map((e: FieldError) => [e.path, e.message[lang]]));
}

async function inboxIds(): Promise<string[]> {
  const inbox = await ctx.api.call('GET', '/api/inbox?limit=100', { as: 'xa.hacau' });
  expect(inbox.status).toBe(200);
  return inbox.body.items.map((i: { id: string }) => i.id);
}

const hostState = <T>(): Promise<T> => page.evaluate('window.__hoso') as Promise<T>;

interface EmbedMessage {
  type: string;
  height?: number;
  fields?: string[];
  origin?: string;
  dossierId?: string;
  appointmentDate?: string;
}

async function waitForMessage(type: string, count = 1): Promise<EmbedMessage[]> {
  await page.waitForFunction(
    ({ type, count }) =>
      ((globalThis as any).__hoso?.messages ?? []).filter((m: { type: string }) => m.type === type).length >= count,
    { type, count },
  );
  const state = await hostState<{ messages: EmbedMessage[] }>();
  return state.messages.filter((m) => m.type === type);
}

async function waitForEvent(type: string, count = 1): Promise<{ type: string; detail: any }[]> {
  await page.waitForFunction(
    ({ type, count }) =>
      ((globalThis as any).__hoso?.events ?? []).filter((e: { type: string }) => e.type === type).length >= count,
    { type, count },
  );
  const state = await hostState<{ events: { type: string; detail: any }[] }>();
  return state.events.filter((e) => e.type === type);
}

const cspViolations = () => consoleMessages.filter((m) => /Content Security Policy|unsafe-eval|Refused to/i.test(m));
/** React's hydration mismatch reports (production builds log the minified error numbers). */
const hydrationErrors = () => consoleMessages.filter((m) => /hydrat|error #(418|423|425)\b/i.test(m));

describe('the embedded housing proposal', () => {
  it("follows the form's height with the admin's iframe snippet pasted as it is, no code of the portal's own", async () => {
    const snippet = (await createTokenAnswer([host.origin])).snippets.iframe;
    await page.goto(`${host.origin}/snippet?html=${encodeURIComponent(snippet)}`);
    const frame = page.locator('iframe[id^="hoso-"]');
    await frame.waitFor();
    // A bare iframe stays 150 px; the snippet's own listener takes the form's height once it is drawn.
    await page.waitForFunction(
      () =>
        ((globalThis as any).document.querySelector('iframe[id^="hoso-"]')?.getBoundingClientRect().height ?? 0) > 1500,
    );
    expect((await frame.boundingBox())!.height).toBeGreaterThan(1500);
  });

  it('is filled in an iframe on a portal, corrected after field errors in Vietnamese, and received; the host follows its height', async () => {
    const token = await createToken([host.origin]);
    const api = ctx.system.baseUrl;
    // The API renders the form into the page, so it is painted before any script runs; the page then hydrates it.
    const served = await (await fetch(`${api}/embed/form/${token}`)).text();
    expect(served).toMatch(/<div id="hoso-embed-root" data-ssr=""><div class="hoso"/);
    expect(served).toContain('Đề xuất hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo');
    await page.goto(
      `${host.origin}/iframe?src=${encodeURIComponent(`${api}/embed/form/${token}`)}&api=${encodeURIComponent(api)}`,
    );
    const [ready] = await waitForMessage('ready');
    expect(ready).toMatchObject({ form: 'housing-proposal@2', lang: 'vi' });
    const frame = page.frameLocator('iframe#hoso');
    await expect(
      frame.getByRole('heading', { name: 'Đề xuất hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo' }).count(),
    ).resolves.toBe(1);
    // The unit picker shows the prefilled unit by name (a seed-era ward, no longer in force) and keeps its code.
    expect(await field(frame, '/household/address/unitCode').getAttribute('data-unit-code')).toBe('HN-HD-HC');
    expect(await waitForValue(field(frame, '/household/address/unitCode'), 'Phường Hà Cầu (HN-HD-HC)')).toBe(
      'Phường Hà Cầu (HN-HD-HC)',
    );
    const heightAtReady = (await page.locator('iframe#hoso').boundingBox())!.height;

    // First attempt: no name, a citizen ID with 10 digits.
    await fillHousingProposal(frame, { headName: '', citizenId: BAD_CITIZEN_ID });
    await frame.getByRole('button', { name: 'Gửi hồ sơ' }).click();
    const [failed] = await waitForMessage('validation-failed');
    expect(failed!.origin).toBe('browser');
    expect([...failed!.fields!].sort()).toEqual(['/household/citizenId', '/household/headName']);
    const expected = await expectedMistakes('vi');
    for (const pointer of ['/household/headName', '/household/citizenId']) {
      await fieldErrors(frame, pointer).waitFor();
      expect(await fieldErrors(frame, pointer).innerText()).toBe(expected[pointer]);
    }
    expect(expected['/household/citizenId']).toMatch(/Số CCCD/);
    expect(await frame.getByRole('alert').innerText()).toMatch(/còn 2 chỗ cần sửa/);
    // Nothing typed was lost.
    expect(await field(frame, '/household/citizenId').inputValue()).toBe(BAD_CITIZEN_ID);
    expect(await field(frame, '/commune/note').inputValue()).not.toBe('');
    await page.setViewportSize({
      width: 1000,
      height: Math.ceil((await page.locator('iframe#hoso').boundingBox())!.height) + 200,
    });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'iframe-vi-field-errors.png'), fullPage: true });

    // Funding lines adding up to 10 M for 100 M requested (housing-proposal@2's rule): refused in the browser, by the
    // shipped version's precompiled validator, with the server's words, before anything is sent.
    await field(frame, '/household/headName').fill('Nguyễn Thị Hoa');
    await field(frame, '/household/citizenId').fill(GOOD_CITIZEN_ID);
    await field(frame, '/support/fundingSources/0/amount').fill('10000000');
    await frame.getByRole('button', { name: 'Gửi hồ sơ' }).click();
    const [, unbalanced] = await waitForMessage('validation-failed', 2);
    expect(unbalanced).toMatchObject({ origin: 'browser', fields: ['/support/fundingSources'] });
    await frame
      .getByText('Nguồn kinh phí: tổng số tiền (10.000.000 đ) phải bằng Số tiền đề nghị hỗ trợ (100.000.000 đ)')
      .first()
      .waitFor();
    await field(frame, '/support/fundingSources/0/amount').fill('100000000');

    // Corrected and sent.
    await field(frame, '/household/headName').fill('Nguyễn Thị Hoa');
    await field(frame, '/household/citizenId').fill(GOOD_CITIZEN_ID);
    await frame.getByRole('button', { name: 'Gửi hồ sơ' }).click();
    const [submitted] = await waitForMessage('submitted');
    expect(submitted!.dossierId).toMatch(DOSSIER_ID);
    await frame.locator('.hoso-dossier-code').waitFor();
    expect(await frame.locator('.hoso-dossier-code').innerText()).toBe(submitted!.dossierId);
    // The lookup code, shown once, with the note to keep it.
    expect(await frame.locator('.hoso-lookup-secret').innerText()).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(await frame.locator('.hoso-receipt').innerText()).toContain('Mã tra cứu chỉ hiển thị một lần');
    expect(await frame.locator('.hoso-appointment-date').innerText()).toBe(formatDate(submitted!.appointmentDate!));
    expect(await frame.locator('.hoso-appointment-date').innerText()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(await inboxIds()).toContain(submitted!.dossierId);

    // The host resized the frame to the content each time the form said so, and the receipt is shorter than the form.
    await page.waitForFunction((tall) => {
      const resizes = ((globalThis as any).__hoso.messages as EmbedMessage[]).filter((m) => m.type === 'resize');
      return resizes.length > 0 && resizes[resizes.length - 1]!.height! < tall;
    }, heightAtReady);
    const resizes = await waitForMessage('resize', 3);
    const state = await hostState<{ heights: number[] }>();
    const heightNow = (await page.locator('iframe#hoso').boundingBox())!.height;
    expect(resizes.length).toBeGreaterThanOrEqual(3);
    expect(Math.round(heightNow)).toBe(resizes[resizes.length - 1]!.height);
    expect(heightAtReady).toBeGreaterThan(1500); // the whole form, not the 150 px of a bare iframe
    expect(heightNow).toBeLessThan(heightAtReady);
    expect(new Set(state.heights).size).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'iframe-vi-receipt.png'), fullPage: true });
    expect(cspViolations()).toEqual([]);
    expect(hydrationErrors()).toEqual([]);
  });

  it("shows a citizen no field of the commune's review (housing-proposal@3) and sends the proposal without it", async () => {
    const { token } = await createTokenAnswer([host.origin], {
      label: 'Cổng thông tin xã Kiến Hưng',
      processKey: 'housing-support-2025',
      processVersion: 6,
      unitCode: 'HN-KIENHUNG',
    });
    const api = ctx.system.baseUrl;
    const src = `${api}/embed/form/${token}`;
    await page.goto(`${host.origin}/iframe?src=${encodeURIComponent(src)}&api=${encodeURIComponent(api)}`);
    const [ready] = await waitForMessage('ready');
    expect(ready).toMatchObject({ form: 'housing-proposal@3', lang: 'vi' });
    const frame = page.frameLocator('iframe#hoso');
    await field(frame, '/household/headName').waitFor();
    expect(await field(frame, '/commune/villageMeetingDate').count()).toBe(0);
    expect(await field(frame, '/commune/agreementPercent').count()).toBe(0);
    expect(await frame.getByText('Kết quả bình xét của cấp xã').count()).toBe(0);
    // The description addresses the family, not the commune that fills the rest.
    await frame.locator('.hoso-description', { hasText: /^Gia đình điền các thông tin dưới đây/ }).waitFor();
    expect(await frame.getByText(/Ủy ban nhân dân cấp xã lập/).count()).toBe(0);
    await fillHousingProposal(frame, { headName: 'Lê Thị Mai', citizenId: '001186034567' }, 'vi', 'hoso', true);
    // Tall enough for the whole frame, which follows the form's height at each width.
    for (const [width, name] of [
      [1000, 'desktop'],
      [390, 'phone'],
    ] as const) {
      await page.setViewportSize({ width, height: 900 });
      const [resized] = (await waitForMessage('resize')).slice(-1);
      await page.setViewportSize({ width, height: Math.max(resized!.height!, 900) + 300 });
      await frame.locator('body').evaluate(() => (globalThis as any).scrollTo(0, 0));
      await page.screenshot({ path: path.join(SCREENSHOTS, `iframe-vi-citizen-fields-${name}.png`), fullPage: true });
    }
    await frame.getByRole('button', { name: 'Gửi hồ sơ' }).click();
    const [submitted] = await waitForMessage('submitted');
    expect(submitted!.dossierId).toMatch(/^HN-KIENHUNG-\d{4}-\d{5}$/);
    const detail = await ctx.api.call('GET', `/api/dossiers/${submitted!.dossierId!}`, { as: 'xa2025.kienhung' });
    expect(detail.body).toMatchObject({ currentStep: { id: 'proposal', form: 'housing-proposal@3' } });
    expect(cspViolations()).toEqual([]);
  });

  it('is filled through <ho-so-form> in a shadow root, themed by the page and untouched by its CSS, and keeps a draft across a reload', async () => {
    const token = await createToken([host.origin]);
    const api = ctx.system.baseUrl;
    const before = await inboxIds();
    await page.goto(`${host.origin}/element?token=${encodeURIComponent(token)}&api=${encodeURIComponent(api)}`);
    await waitForEvent('hoso-ready');
    const form = page.locator('ho-so-form');
    // The loader painted the server's rendering while the element's code loaded; the live form then replaced it.
    expect(await page.evaluate(() => performance.getEntriesByName('hoso:painted').length)).toBe(1);
    expect(
      await form.evaluate((el) => ({
        painted: (el as any).shadowRoot.querySelectorAll('[data-ssr]').length,
        hidden: (el as any).shadowRoot.querySelectorAll('.hoso-host[hidden]').length,
      })),
    ).toEqual({ painted: 0, hidden: 0 });
    expect(await form.locator('form.hoso-form').count()).toBe(1);

    // Theming crosses the shadow boundary through the custom properties only; the page's CSS does not.
    const submit = form.getByRole('button', { name: 'Gửi hồ sơ' });
    const styles = async (locator: ReturnType<typeof form.locator>) =>
      locator.evaluate((el) => {
        const s = (globalThis as any).getComputedStyle(el);
        return {
          background: s.backgroundColor,
          border: s.borderTopStyle,
          fontSize: s.fontSize,
          font: s.fontFamily,
          radius: s.borderTopLeftRadius,
        };
      });
    expect(await styles(submit)).toMatchObject({ background: 'rgb(138, 21, 56)', border: 'solid', radius: '2px' });
    expect((await styles(submit)).font).toContain('DejaVu Sans');
    const input = await styles(field(form, '/household/headName'));
    expect(input.background).toBe('rgb(255, 255, 255)');
    expect(input.fontSize).toBe('16px');
    expect(input.border).toBe('solid');
    // ... and the form's CSS does not reach the page.
    expect((await styles(page.locator('#outside'))).background).toBe('rgb(0, 128, 0)');

    await fillHousingProposal(form, { headName: '', citizenId: BAD_CITIZEN_ID });
    await submit.click();
    const [failed] = await waitForEvent('hoso-validation-failed');
    expect([...failed!.detail.fields].sort()).toEqual(['/household/citizenId', '/household/headName']);
    const expected = await expectedMistakes('vi');
    expect(await fieldErrors(form, '/household/citizenId').innerText()).toBe(expected['/household/citizenId']);
    expect(await fieldErrors(form, '/household/headName').innerText()).toBe(expected['/household/headName']);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'element-vi-field-errors.png'), fullPage: true });

    // A reload (or a crash) loses nothing: the draft is restored from localStorage.
    await page.reload();
    await waitForEvent('hoso-ready');
    expect(await form.locator('.hoso-notice').innerText()).toMatch(/Đã khôi phục/);
    expect(await field(form, '/household/citizenId').inputValue()).toBe(BAD_CITIZEN_ID);
    expect(await field(form, '/household/address/village').inputValue()).toBe('Tổ dân phố số 5');
    expect(await field(form, '/housing/noSupportLast10Years').isChecked()).toBe(true);

    await field(form, '/household/headName').fill('Nguyễn Thị Hoa');
    await field(form, '/household/citizenId').fill(GOOD_CITIZEN_ID);
    // Hold the submission a moment to see the progress indicator.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await context.route('**/api/embed/*/submissions', async (route) => {
      await held;
      await route.continue();
    });
    await submit.click();
    await form.locator('.hoso-progress').waitFor();
    expect(await form.getByRole('button', { name: 'Đang gửi hồ sơ…' }).isDisabled()).toBe(true);
    expect(await field(form, '/household/headName').inputValue()).toBe('Nguyễn Thị Hoa');
    release();
    const [submitted] = await waitForEvent('hoso-submitted');
    expect(submitted!.detail.dossierId).toMatch(DOSSIER_ID);
    expect(await form.locator('.hoso-dossier-code').innerText()).toBe(submitted!.detail.dossierId);
    expect(await form.locator('.hoso-appointment-date').innerText()).toBe(
      formatDate(submitted!.detail.appointmentDate),
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'element-vi-receipt.png'), fullPage: true });
    const after = await inboxIds();
    expect(after).toContain(submitted!.detail.dossierId);
    expect(after.length).toBe(before.length + 1);

    // Received means the draft is gone.
    await page.reload();
    await waitForEvent('hoso-ready');
    expect(await form.locator('.hoso-notice').count()).toBe(0);
    expect(await field(form, '/household/citizenId').inputValue()).toBe('');
    expect(cspViolations()).toEqual([]);
  });

  it('groups an amount as it is typed and says it in words, takes a dd/mm/yyyy date, picks a unit by name; the dossier holds the integer, the ISO date and the code', async () => {
    const token = await createToken([host.origin]);
    const api = ctx.system.baseUrl;
    await page.goto(`${host.origin}/element?token=${encodeURIComponent(token)}&api=${encodeURIComponent(api)}`);
    await waitForEvent('hoso-ready');
    const form = page.locator('ho-so-form');
    await fillHousingProposal(form, { headName: 'Trần Văn Bình', citizenId: GOOD_CITIZEN_ID });

    // The amount, key by key: separators appear, the caret stays after the digit typed, letters are refused.
    const amount = field(form, '/support/requestedAmount');
    const words = form.locator('#hoso_support_requestedAmount__words');
    const caret = () => amount.evaluate((el) => (el as unknown as { selectionStart: number }).selectionStart);
    expect(await amount.inputValue()).toBe('100.000.000');
    expect(await words.innerText()).toBe('Một trăm triệu đồng');
    await amount.fill('');
    await amount.pressSequentially('1500000');
    expect(await amount.inputValue()).toBe('1.500.000');
    expect(await words.innerText()).toBe('Một triệu năm trăm nghìn đồng');
    await amount.press('Home');
    await amount.press('ArrowRight');
    await amount.press('ArrowRight'); // 1.|500.000
    await amount.press('2');
    expect(await amount.inputValue()).toBe('12.500.000');
    expect(await caret()).toBe(2); // 12|.500.000
    await amount.press('x');
    expect(await amount.inputValue()).toBe('12.500.000');
    expect(await form.locator('.hoso-w-amount .hoso-w-notice').innerText()).toMatch(/Chỉ nhập chữ số/);
    await amount.press('Backspace');
    expect(await amount.inputValue()).toBe('1.500.000');
    expect(await caret()).toBe(1);
    await amount.press('End');
    await amount.press('Backspace'); // 1.500.00|0 → 150.000
    expect(await amount.inputValue()).toBe('150.000');
    await amount.fill('');
    await amount.pressSequentially('60000000');
    expect(await amount.inputValue()).toBe('60.000.000');
    expect(await words.innerText()).toBe('Sáu mươi triệu đồng');
    await field(form, '/support/fundingSources/0/amount').fill('60000000');

    // The date: an impossible one is explained in Vietnamese, a real one is stored as ISO.
    const date = field(form, '/commune/villageMeetingDate');
    const dateHint = form.locator('#hoso_commune_villageMeetingDate__hint');
    await date.fill('');
    await date.pressSequentially('31/02/2024');
    await date.blur();
    expect(await dateHint.innerText()).toBe('Không có ngày 31/02/2024 trong lịch.');
    expect(await dateHint.getAttribute('role')).toBe('alert');
    await date.fill('15/03/2024');
    expect(await dateHint.innerText()).toBe('ngày/tháng/năm, ví dụ 15/03/2024');

    // The unit: searched without diacritics among the units in force in the province, picked by name.
    const unit = field(form, '/household/address/unitCode');
    expect(await waitForValue(unit, 'Phường Hà Cầu (HN-HD-HC)')).toBe('Phường Hà Cầu (HN-HD-HC)');
    expect(await form.locator('.hoso-w-unit-picker .hoso-w-hint').innerText()).toBe(
      'đơn vị đã hết hiệu lực (hiệu lực đến hết ngày 30/06/2025)',
    );
    await unit.click();
    await unit.fill('duong noi');
    const options = form.locator('#hoso_household_address_unitCode__units').getByRole('option');
    await options.first().waitFor();
    expect(await options.allInnerTexts()).toEqual(['Phường Dương Nội HN-DUONGNOI · Cấp xã']); // the old ward is no longer in force
    await page.screenshot({ path: path.join(SCREENSHOTS, 'element-vi-widgets.png'), fullPage: true });
    await options.first().click();
    expect(await unit.inputValue()).toBe('Phường Dương Nội (HN-DUONGNOI)');
    expect(await unit.getAttribute('data-unit-code')).toBe('HN-DUONGNOI');
    // ... and by keyboard: type, arrow down, Enter (which picks, and does not submit the form).
    await unit.fill('kien');
    await options.first().waitFor();
    await unit.press('ArrowDown');
    await unit.press('ArrowUp');
    await unit.press('Enter');
    expect(await unit.inputValue()).toBe('Phường Kiến Hưng (HN-KIENHUNG)');
    await unit.fill('duong');
    await options.filter({ hasText: 'Dương Nội' }).click();

    await form.getByRole('button', { name: 'Gửi hồ sơ' }).click();
    const [submitted] = await waitForEvent('hoso-submitted');
    const dossierId = submitted!.detail.dossierId as string;
    const dossier = await ctx.api.call('GET', `/api/dossiers/${dossierId}`, { as: 'xa.hacau' });
    expect(dossier.status).toBe(200);
    const submission = await ctx.api.call(
      'GET',
      `/api/dossiers/${dossierId}/submissions/${dossier.body.history[0].submission.id}`,
      { as: 'xa.hacau' },
    );
    expect(submission.status).toBe(200);
    expect(submission.body.data.support.requestedAmount).toBe(60_000_000);
    expect(submission.body.data.support.fundingSources[0].amount).toBe(60_000_000);
    expect(submission.body.data.commune.villageMeetingDate).toBe('2024-03-15');
    expect(submission.body.data.household.address.unitCode).toBe('HN-DUONGNOI');
    expect(cspViolations()).toEqual([]);
  });

  it('speaks English with lang="en", puts the server\'s 422 field errors next to their fields, and keeps everything when the connection drops', async () => {
    const token = await createToken([host.origin]);
    const api = ctx.system.baseUrl;
    await page.goto(`${host.origin}/element?token=${encodeURIComponent(token)}&api=${encodeURIComponent(api)}&lang=en`);
    const [ready] = await waitForEvent('hoso-ready');
    expect(ready!.detail.lang).toBe('en');
    const form = page.locator('ho-so-form');
    expect(await form.locator('label[for="hoso_household_headName"]').innerText()).toMatch(/^Head of household/);
    expect(await form.getByLabel('Near-poor household', { exact: true }).count()).toBe(1);

    await fillHousingProposal(form, { headName: '', citizenId: BAD_CITIZEN_ID }, 'en');
    expect(await field(form, '/support/requestedAmount').inputValue()).toBe('100,000,000');
    expect(await form.locator('#hoso_support_requestedAmount__words').innerText()).toBe('One hundred million dong');
    expect(await field(form, '/commune/villageMeetingDate').inputValue()).toBe('15/03/2024');
    await form.getByRole('button', { name: 'Submit' }).click();
    await waitForEvent('hoso-validation-failed');
    const expected = await expectedMistakes('en');
    expect(expected['/household/citizenId']).toMatch(/Citizen ID/);
    expect(await fieldErrors(form, '/household/citizenId').innerText()).toBe(expected['/household/citizenId']);
    expect(await fieldErrors(form, '/household/headName').innerText()).toBe(expected['/household/headName']);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'element-en-field-errors.png'), fullPage: true });

    // A 422 from the server (here one the browser could not have known about) lands on its field, in English.
    await context.route('**/api/embed/*/submissions', (route) =>
      route.fulfill({
        status: 422,
        headers: { 'content-type': 'application/json', 'access-control-allow-origin': host.origin },
        body: JSON.stringify({
          error: {
            code: 'validation_failed',
            message: 'Invalid data',
            fields: [{ path: '/data/household/phone', keyword: 'reachable', message: 'Phone number: does not answer' }],
          },
        }),
      }),
    );
    await field(form, '/household/headName').fill('Nguyen Thi Hoa');
    await field(form, '/household/citizenId').fill(GOOD_CITIZEN_ID);
    await form.getByRole('button', { name: 'Submit' }).click();
    const [, fromServer] = await waitForEvent('hoso-validation-failed', 2);
    expect(fromServer!.detail).toEqual({ fields: ['/household/phone'], origin: 'server' });
    expect(await fieldErrors(form, '/household/phone').innerText()).toBe('Phone number: does not answer');
    expect(await field(form, '/household/phone').inputValue()).toBe('0983456712');
    expect(await field(form, '/household/headName').inputValue()).toBe('Nguyen Thi Hoa');

    // The connection drops: the person is told, in English, and keeps everything typed.
    await context.unrouteAll();
    await context.route('**/api/embed/*/submissions', (route) => route.abort('internetdisconnected'));
    await form.getByRole('button', { name: 'Submit' }).click();
    const [dropped] = await waitForEvent('hoso-error');
    expect(dropped!.detail.code).toBe('network');
    expect(await form.getByRole('alert').innerText()).toMatch(/connection problem.*What you typed is kept/);
    expect(await field(form, '/household/headName').inputValue()).toBe('Nguyen Thi Hoa');
    expect(await field(form, '/commune/agreementPercent').inputValue()).toBe('92.5');
  });

  it("cannot be framed by, nor submitted from, an origin outside the token's allowlist", async () => {
    const portal = 'https://cong-thong-tin.hanoi.example.vn';
    const token = await createToken([portal]);
    const api = ctx.system.baseUrl;
    const before = await inboxIds();

    // The page itself says who may frame it, and allows no eval.
    const direct = await fetch(`${api}/embed/form/${token}`);
    expect(direct.status).toBe(200);
    const csp = direct.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`frame-ancestors ${portal}`);
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');

    // Framed by this host page (not in the allowlist): Chromium blocks the frame, the form never loads.
    const blocked = page.waitForEvent('console', {
      predicate: (m) => /frame-ancestors/.test(m.text()),
      timeout: 30_000,
    });
    await page.goto(
      `${host.origin}/iframe?src=${encodeURIComponent(`${api}/embed/form/${token}`)}&api=${encodeURIComponent(api)}`,
    );
    await blocked;
    await page.waitForTimeout(500); // a frame that did load would have posted `ready` by now
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame).toBeDefined();
    expect(frame!.url()).not.toContain('/embed/form/');
    expect(await page.frameLocator('iframe#hoso').locator('.hoso').count()).toBe(0);
    expect((await hostState<{ messages: unknown[] }>()).messages).toEqual([]);
    expect(consoleMessages.some((m) => /frame-ancestors/.test(m))).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'iframe-refused-origin.png') });

    // A script on this origin cannot submit: the preflight of a JSON POST gets no CORS headers, and a "simple"
    // request is refused by the server before it does anything.
    await page.goto(`${host.origin}/blank`);
    const attempt = (contentType: string) =>
      page.evaluate(
        async ({ url, contentType }) => {
          try {
            const res = await fetch(url, {
              method: 'POST',
              headers: { 'content-type': contentType },
              body: JSON.stringify({ data: {} }),
            });
            return `answered ${res.status}`;
          } catch (error) {
            return `failed: ${String(error)}`;
          }
        },
        { url: `${api}/api/embed/${token}/submissions`, contentType },
      );
    expect(await attempt('application/json')).toMatch(/^failed: TypeError: Failed to fetch/);
    expect(await attempt('text/plain')).toMatch(/^failed: TypeError: Failed to fetch/);
    expect(consoleMessages.some((m) => /CORS policy/.test(m))).toBe(true);
    expect(await inboxIds()).toEqual(before);
  });
});
