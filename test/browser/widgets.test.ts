// The shared form widgets as the officer app will use them (web/shared/widgets), in Debian's Chromium against the
// real API: a page on the API's origin (test/browser/widgets-harness, built here with Vite) renders one form with
// the widgets, a bearer-token file source and the unit list. Uploads go to the real POST /api/files; read-only
// rendering shows what earlier steps stored; without a file source (the embed) the file widget says so.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { useTestSystem } from '../integration/support/use-test-system';
import { launchChromium } from './support/launch-chromium';

const ctx = useTestSystem();
const HARNESS = path.join(__dirname, 'widgets-harness');
const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'screenshots');
const USER = 'xa2025.hadong';
/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
const FILE_ID = /^[A-Za-z0-9_-]{8,64}$/;

const schema = {
  type: 'object',
  properties: {
    amount: { type: 'integer', title: 'Số tiền' },
    meetingDate: { type: 'string', format: 'date', title: 'Ngày họp' },
    unit: { type: 'string', format: 'unit-code', title: 'Đơn vị' },
    photo: { type: 'string', title: 'Ảnh' },
    scan: { type: 'string', title: 'Bản quét' },
  },
};
const uiSchema = {
  amount: { 'ui:options': { unit: 'VND' } },
  photo: { 'ui:widget': 'file-ref', 'ui:options': { accept: 'image/jpeg,image/png' } },
  scan: { 'ui:widget': 'file-ref' },
};

let outDir: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  outDir = mkdtempSync(path.join(os.tmpdir(), 'hoso-widgets-harness-'));
  const built = spawnSync(
    process.execPath,
    [
      path.join(__dirname, '../../node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      path.join(HARNESS, 'vite.config.mjs'),
    ],
    {
      env: { ...process.env, HOSO_HARNESS_OUT: outDir },
      encoding: 'utf8',
    },
  );
  if (built.status !== 0) throw new Error(`the widgets harness did not build: ${built.stderr}`);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});
beforeEach(async () => {
  context = await browser.newContext({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 900, height: 1000 },
  });
  // The harness is served at the API's origin, so its requests to /api/... are same-origin, as the officer app's.
  await context.route(`${ctx.system.baseUrl}/__harness/**`, (route) => {
    const file = path.join(outDir, new URL(route.request().url()).pathname.replace(/^\/__harness\//, ''));
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html';
    return route.fulfill({ status: 200, contentType: type, body: readFileSync(file) });
  });
  page = await context.newPage();
  pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
});
afterEach(async () => {
  await context?.close();
});

async function openHarness(input: {
  formData: unknown;
  readonly: boolean;
  lang: 'vi' | 'en';
  bearer?: string;
}): Promise<void> {
  await page.addInitScript(
    (value) => {
      (globalThis as any).__harnessInput = value;
    },
    { schema, uiSchema, ...input },
  );
  await page.goto(`${ctx.system.baseUrl}/__harness/index.html`);
  await page.locator('#w_amount').waitFor();
}

const harnessData = () => page.evaluate(() => (globalThis as any).__harness.data) as Promise<Record<string, unknown>>;

async function uploadThroughApi(bytes: Buffer, contentType: string): Promise<string> {
  const res = await fetch(`${ctx.system.baseUrl}/api/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await ctx.api.token(USER)}`, 'content-type': contentType },
    body: bytes,
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { fileId: string }).fileId;
}

describe('the file widget and read-only rendering', () => {
  it('uploads a photo with progress and shows its thumbnail, links a PDF, explains refused files in Vietnamese, and takes a date typed or picked', async () => {
    await openHarness({ formData: {}, readonly: false, lang: 'vi', bearer: await ctx.api.token(USER) });
    const photo = page.locator('#w_photo');

    // Hold the upload a moment to see the progress indicator.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await context.route('**/api/files', async (route) => {
      await held;
      await route.continue();
    });
    await photo.getByRole('button', { name: 'Chụp ảnh' }).waitFor(); // the camera button, for images
    await page.setInputFiles('#w_photo__file', { name: 'nha-moi.png', mimeType: 'image/png', buffer: PNG });
    await photo.locator('.hoso-w-progress').waitFor();
    expect(await photo.locator('.hoso-w-progress').innerText()).toMatch(/Đang tải lên… \d+%/);
    expect(await photo.getByRole('button', { name: 'Chọn tệp' }).isDisabled()).toBe(true);
    release();
    const thumb = photo.locator('img.hoso-w-thumb');
    await thumb.waitFor();
    await page.waitForFunction(
      () => ((globalThis as any).document.querySelector('#w_photo img') as { naturalWidth: number }).naturalWidth === 1,
    );
    const fileId = (await harnessData()).photo as string;
    expect(fileId).toMatch(FILE_ID);
    expect(await photo.locator('.hoso-w-file-id').innerText()).toBe(fileId);
    // The stored file is the one uploaded.
    const stored = await fetch(`${ctx.system.baseUrl}/api/files/${fileId}`, {
      headers: { authorization: `Bearer ${await ctx.api.token(USER)}` },
    });
    expect(stored.status).toBe(200);
    expect(stored.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await stored.arrayBuffer()).equals(PNG)).toBe(true);
    await context.unrouteAll();

    // Refusals, said next to the field: by the server (content not matching its type), by the browser (type, size).
    const scan = page.locator('#w_scan');
    const problem = scan.locator('.hoso-w-problem');
    await page.setInputFiles('#w_scan__file', {
      name: 'gia-mao.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('<html>not a pdf</html>'),
    });
    await problem.waitFor();
    expect(await problem.innerText()).toBe('Nội dung tệp không khớp với loại tệp (tệp hỏng hoặc đổi đuôi?).');
    await page.setInputFiles('#w_scan__file', {
      name: 'anh-dong.gif',
      mimeType: 'image/gif',
      buffer: Buffer.from('GIF89a'),
    });
    await page.waitForFunction(() =>
      /Chỉ nhận/.test((globalThis as any).document.querySelector('#w_scan .hoso-w-problem')?.textContent ?? ''),
    );
    expect(await problem.innerText()).toBe('Chỉ nhận ảnh JPEG, PNG, WebP hoặc tệp PDF.');
    await page.setInputFiles('#w_scan__file', {
      name: 'to.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.alloc(8 * 1024 * 1024 + 1, 0x25),
    });
    await page.waitForFunction(() =>
      /quá lớn/.test((globalThis as any).document.querySelector('#w_scan .hoso-w-problem')?.textContent ?? ''),
    );
    expect(await problem.innerText()).toBe('Tệp quá lớn: tối đa 8 MB.');
    expect((await harnessData()).scan).toBeUndefined();

    // A real PDF: stored, shown as a link.
    await page.setInputFiles('#w_scan__file', { name: 'bien-ban.pdf', mimeType: 'application/pdf', buffer: PDF });
    await scan.locator('a.hoso-w-file-link').waitFor();
    expect(await scan.locator('a.hoso-w-file-link').innerText()).toBe('Mở tệp PDF (bien-ban.pdf)');
    expect((await harnessData()).scan).toMatch(FILE_ID);
    expect(await problem.count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'widgets-vi-uploads.png'), fullPage: true });

    // The date: typed day first, or taken from the browser's calendar (the hidden native date input lends its picker).
    await page.locator('#w_meetingDate').fill('1/7/2025');
    expect((await harnessData()).meetingDate).toBe('2025-07-01');
    await page.locator('.hoso-w-date-picker').fill('2024-03-15', { force: true });
    expect(await page.locator('#w_meetingDate').inputValue()).toBe('15/03/2024');
    expect((await harnessData()).meetingDate).toBe('2024-03-15');
    await page.getByRole('button', { name: 'Chọn ngày trên lịch' }).click(); // opens the picker; must not throw

    // Removing a file clears the field.
    await photo.getByRole('button', { name: 'Bỏ tệp' }).click();
    expect((await harnessData()).photo).toBeUndefined();
    expect(await photo.locator('img').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('shows earlier data read-only in English: the amount grouped and in words, the date day first, the unit by name, the photo and the PDF', async () => {
    const photo = await uploadThroughApi(PNG, 'image/png');
    const scan = await uploadThroughApi(PDF, 'application/pdf');
    await openHarness({
      formData: { amount: 60_000_000, meetingDate: '2024-03-15', unit: 'HN-HD-HC', photo, scan },
      readonly: true,
      lang: 'en',
      bearer: await ctx.api.token(USER),
    });
    const amount = page.locator('#w_amount');
    expect(await amount.inputValue()).toBe('60,000,000');
    expect(await amount.getAttribute('readonly')).not.toBeNull();
    expect(await page.locator('#w_amount__words').innerText()).toBe('Sixty million dong');
    expect(await page.locator('#w_meetingDate').inputValue()).toBe('15/03/2024');
    expect(await page.getByRole('button', { name: 'Pick the date on a calendar' }).count()).toBe(0);
    await page.waitForFunction(
      () => ((globalThis as any).document.querySelector('#w_unit') as { value: string }).value !== 'HN-HD-HC',
    );
    expect(await page.locator('#w_unit').inputValue()).toBe('Ha Cau ward (HN-HD-HC)');
    expect(await page.locator('.hoso-w-unit-picker .hoso-w-hint').innerText()).toBe(
      'no longer in force (its last day was 30/06/2025)',
    );
    // The bytes come through the file source (with the bearer token) for the thumbnail and the link.
    await page.waitForFunction(
      () =>
        ((globalThis as any).document.querySelector('#w_photo img') as { naturalWidth: number } | null)
          ?.naturalWidth === 1,
    );
    expect(await page.locator('#w_scan a.hoso-w-file-link').innerText()).toBe('Open the PDF');
    expect(await page.getByRole('button').count()).toBe(0); // nothing to choose, take, replace or remove
    await page.screenshot({ path: path.join(SCREENSHOTS, 'widgets-en-readonly.png'), fullPage: true });
    // Nothing was changed by showing it.
    expect(await harnessData()).toEqual({
      amount: 60_000_000,
      meetingDate: '2024-03-15',
      unit: 'HN-HD-HC',
      photo,
      scan,
    });
    expect(pageErrors).toEqual([]);
  });

  it('without a file source (as in the embed) says attachments are not taken; without the unit list the unit is typed as a code', async () => {
    await openHarness({ formData: {}, readonly: false, lang: 'vi' });
    await page.locator('#w_photo .hoso-w-notice').waitFor();
    expect(await page.locator('#w_photo .hoso-w-notice').innerText()).toBe(
      'Biểu mẫu nhúng này chưa nhận tệp đính kèm; vui lòng nộp tệp trực tiếp tại nơi tiếp nhận hồ sơ.',
    );
    expect(await page.locator('#w_photo').getByRole('button').count()).toBe(0);
    // The unit list needs a signed-in user here: refused, the picker falls back to a plain code input.
    await page.getByText('Không tải được danh mục đơn vị; hãy nhập mã đơn vị.').waitFor();
    await page.locator('#w_unit').fill('HN-HADONG');
    expect((await harnessData()).unit).toBe('HN-HADONG');
    expect(pageErrors).toEqual([]);
  });
});
