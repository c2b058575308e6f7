// The treasury's "Thanh toán" page in Debian's Chromium against a real system: khobac.hanoi opens it from the
// header, sees the advances awaiting confirmation (amounts as 50.000.000 ₫, dates dd/mm/yyyy, the funds by name, a
// link to each dossier), uploads the bank's statement and follows its progress to a table of every line's result in
// words with the counts; the settled order leaves the list of orders awaiting confirmation and is listed as paid.
// The same page at phone width and in English; axe at both widths. A district officer has no "Thanh toán" entry.
// Screenshots for reviewers go to test-output/screenshots/payments/.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../scripts/demo-accounts';
import { moneyDossiers } from '../integration/support/money-dossiers';
import { useTestSystem } from '../integration/support/use-test-system';
import { openAppPage, type AppPage } from './support/open-app-page';
import { seriousAxeViolations } from './support/serious-axe-violations';

const ctx = useTestSystem();
const money = moneyDossiers(ctx);
const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'screenshots', 'payments');
const HEADER = 'Mã GD,Ngày giá trị,Số tiền,Nội dung,Trạng thái';

let app: AppPage;
let page: Page;
let paid: Awaited<ReturnType<typeof money.awaitingConfirmation>>;
let waiting: Awaited<ReturnType<typeof money.awaitingConfirmation>>;

beforeAll(async () => {
  paid = await money.awaitingConfirmation('sao kê trình duyệt');
  waiting = await money.awaitingConfirmation('chờ xác nhận');
  app = await openAppPage(SCREENSHOTS);
  page = app.page;
});
afterAll(async () => {
  await app?.context.close();
  await app?.browser.close();
});

const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
const signIn = async (p: Page, username: string, at = '/') => {
  await p.goto(`${ctx.system.baseUrl}${at}`);
  await p.getByLabel('Tên đăng nhập').fill(username);
  await p.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await p.getByRole('button', { name: 'Đăng nhập' }).click();
};
/** Chooses the statement as a CSV file, imports it and waits for the page to say the import finished. */
async function importStatement(statement: string, on: Page = page) {
  await on.getByLabel('Tệp sao kê (CSV)').setInputFiles({
    name: 'saoke-08-05-2024.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(statement, 'utf8'),
  });
  // Our own button and the chosen file's name, never the browser's "Choose File / No file chosen".
  await on.locator('#bank-file-chosen', { hasText: /^saoke-08-05-2024\.csv$/ }).waitFor();
  await on.getByRole('button', { name: 'Nhập sao kê' }).click();
  await on.getByText(`Đã nhập xong ${statement.split('\n').length - 1} dòng.`).waitFor();
}
const orderRow = (dossierId: string) => page.locator(`tr[data-dossier="${dossierId}"]`);
const today = () => {
  const [y, m, d] = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
};

it('the treasury sees the orders awaiting confirmation, imports a statement and reads every line', async () => {
  await signIn(page, 'khobac.hanoi');
  await page.getByRole('link', { name: 'Thanh toán' }).click();
  await page.getByRole('heading', { name: 'Thanh toán', level: 1 }).waitFor();
  const row = orderRow(paid.id);
  await row.waitFor();
  await expect(row.locator('td[data-label="Số tiền"]').textContent()).resolves.toBe('50.000.000 ₫');
  await expect(row.locator('td[data-label="Đợt chi"]').textContent()).resolves.toBe('Tạm ứng khi khởi công');
  await expect(row.locator('td[data-label="Trạng thái"]').textContent()).resolves.toBe('Chờ xác nhận');
  await expect(row.locator('td[data-label="Ngày lập lệnh"]').textContent()).resolves.toBe(today());
  await expect(row.locator('td[data-label="Nguồn kinh phí"] li').allTextContents()).resolves.toEqual([
    'Quỹ Vì người nghèo (sao kê trình duyệt): 35.000.000 ₫',
    'Hội Phụ nữ (sao kê trình duyệt): 15.000.000 ₫',
  ]);
  await expect(row.locator('td[data-label="Nội dung chuyển khoản"]').textContent()).resolves.toBe(paid.reference);
  const view = await ctx.system.models.DossierView.findById(paid.id).lean();
  await expect(row.locator('td[data-label="Chủ hộ"]').textContent()).resolves.toBe(view?.applicant['headName']);
  await expect(row.getByRole('link', { name: paid.id }).getAttribute('href')).resolves.toBe(`/dossiers/${paid.id}`);
  await orderRow(waiting.id).waitFor();
  await shot('desktop-orders');

  // The bank's statement: one transfer for the first order, one for no order, one of the wrong amount.
  const statement = [
    HEADER,
    `FT9001,08/05/2024,50.000.000,"CK ${paid.reference}, hỗ trợ nhà ở",OK`,
    `FT9002,08/05/2024,50.000.000,HS-KHONG-CO-advance,OK`,
    `FT9003,08/05/2024,49.000.000,${waiting.reference},OK`,
  ].join('\n');
  await importStatement(statement);
  const result = (line: number) => page.locator(`.bank-import-table tr[data-line="${line}"]`);
  await expect(result(2).locator('td[data-label="Kết quả"]').textContent()).resolves.toBe('Đã thanh toán');
  await expect(result(3).locator('td[data-label="Kết quả"]').textContent()).resolves.toBe('Không tìm thấy mã hồ sơ');
  await expect(result(4).locator('td[data-label="Kết quả"]').textContent()).resolves.toBe('Số tiền không khớp');
  await expect(result(4).locator('td[data-label="Chi tiết"]').textContent()).resolves.toBe('Lệnh chi: 50.000.000 ₫');
  await expect(page.locator('[data-count="settled"] dd').textContent()).resolves.toBe('1');
  // The list reloaded: the settled order no longer awaits confirmation, the other one still does.
  await row.waitFor({ state: 'detached' });
  await orderRow(waiting.id).waitFor();
  await expect(ctx.system.models.PaymentOrder.findOne({ dossierId: paid.id }).lean()).resolves.toMatchObject({
    status: 'paid',
  });
  await shot('desktop-imported');

  // The paid orders, filtered by today's date typed as dd/mm/yyyy.
  await page.getByLabel('Trạng thái', { exact: true }).selectOption({ label: 'Đã thanh toán' });
  await page.getByLabel('Lập lệnh từ ngày').fill(today());
  await page.getByRole('button', { name: 'Lọc', exact: true }).click();
  await expect(orderRow(paid.id).locator('td[data-label="Ngày xác nhận"]').textContent()).resolves.toBe(today());
  await expect(orderRow(waiting.id).count()).resolves.toBe(0);

  // At phone width: the tables turn into labelled cards.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await page.getByRole('heading', { name: 'Thanh toán', level: 1 }).waitFor();
  await orderRow(waiting.id).waitFor();
  await shot('phone-orders');
  // The same statement again at phone width: nothing moves, each line says why.
  await importStatement(statement);
  await expect(result(2).locator('td[data-label="Kết quả"]').textContent()).resolves.toBe('Giao dịch đã nhập trước đó');
  await expect(result(2).locator('td[data-label="Chi tiết"]').textContent()).resolves.toBe(
    'Lần nhập trước: đã thanh toán',
  );
  await page.locator('.bank-import').screenshot({ path: path.join(SCREENSHOTS, 'phone-import-again.png') });
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('heading', { name: 'Payments', level: 1 }).waitFor();
  await expect(orderRow(waiting.id).locator('td[data-label="Amount"]').textContent()).resolves.toBe('50,000,000 VND');
  await expect(orderRow(waiting.id).locator('td[data-label="Status"]').textContent()).resolves.toBe(
    'Awaiting confirmation',
  );
  await shot('phone-orders-en');
  await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
  expect(app.problems).toEqual([]);
});

it('a district officer has no "Thanh toán" entry; the page with an import result passes axe at desktop and phone width', async () => {
  const axeContext = await app.browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', bypassCSP: true });
  try {
    const other = await axeContext.newPage();
    await signIn(other, 'quan.hadong');
    await other.getByRole('link', { name: 'Hộp hồ sơ' }).first().waitFor();
    await expect(other.getByRole('link', { name: 'Thanh toán' }).count()).resolves.toBe(0);
    await other.getByRole('button', { name: 'Đăng xuất' }).click();
    await signIn(other, 'khobac.hanoi', '/payments');
    await other.locator('tr[data-dossier]').first().waitFor();
    // With an import's result shown: a statement of one transaction that names no order (nothing moves).
    await importStatement(`${HEADER}\nFT9901,08/05/2024,1.000,HS-KHONG-CO-advance,OK`, other);
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      await other.setViewportSize(viewport);
      expect(await seriousAxeViolations(other)).toEqual([]);
    }
  } finally {
    await axeContext.close();
  }
});
