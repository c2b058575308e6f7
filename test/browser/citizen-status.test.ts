// The citizen's status lookup in Debian's Chromium, on a portal page of another origin: the admin's snippets pasted
// as they are, the iframe (Vietnamese) and <tra-cuu-ho-so> (English); a wrong lookup code; a portal that is not
// allowed, for the lookup and for <ho-so-form>, says so in words instead of "Failed to fetch". Screenshots at
// desktop and phone width go to test-output/screenshots/ (citizen-status-*.png).
import path from 'node:path';
import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';
import { createEmbedToken } from '../integration/support/create-embed-token';
import { eventually } from '../integration/support/eventually';
import { proposalIn } from '../integration/support/form-examples';
import { useTestSystem } from '../integration/support/use-test-system';
import { seriousAxeViolations } from './support/serious-axe-violations';
import type { HostServer } from './support/start-host-server';
import { SCREENSHOTS, usePortalBrowser } from './support/use-portal-browser';

const ctx = useTestSystem();
const WIDTHS = [
  { name: 'desktop', width: 1200, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

// bypassCSP only so that axe can be injected into the lookup's frame.
const portal = usePortalBrowser('status.html', { viewport: { width: 1200, height: 900 }, bypassCSP: true });
let host: HostServer;
let page: Page;
beforeEach(() => {
  ({ host, page } = portal);
});

/** A token for the housing proposal in Phường Hà Cầu, embeddable on `origins`: the API's whole answer. */
const createToken = (origins: string[]) => createEmbedToken(ctx.api, { origins });

/** A dossier received through the token from the host page's origin: its code and lookup code. */
async function submitted(token: string): Promise<{ code: string; secret: string }> {
  const res = await ctx.api.call('POST', `/api/embed/${token}/submissions`, {
    headers: { origin: host.origin },
    body: { data: proposalIn('HN-HD-HC') },
  });
  expect(res.status).toBe(201);
  const query = { code: res.body.dossierId as string, secret: res.body.lookupSecret as string };
  // The lookup reads the read model, which the workflow's projection fills a moment after the receipt.
  await eventually('the dossier in the read model', async () =>
    (await ctx.system.models.DossierView.exists({ _id: query.code })) ? true : undefined,
  );
  return query;
}

const pasted = (html: string) => `${host.origin}/snippet?html=${encodeURIComponent(html)}`;

async function lookUp(
  root: FrameLocator | Locator,
  labels: { code: string; secret: string; submit: string },
  q: {
    code: string;
    secret: string;
  },
): Promise<void> {
  await root.getByLabel(labels.code).fill(q.code);
  await root.getByLabel(labels.secret).fill(q.secret);
  await root.getByRole('button', { name: labels.submit }).click();
}

/** Screenshots of the page at desktop and phone width, and axe on `target` (the frame or the page) at each. */
async function screenshotsAndAxe(name: string, target: Page | Frame): Promise<void> {
  for (const size of WIDTHS) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.screenshot({ path: path.join(SCREENSHOTS, `citizen-status-${name}-${size.name}.png`), fullPage: true });
    expect(await seriousAxeViolations(target as Page)).toEqual([]);
  }
}

describe('the citizen status lookup', () => {
  it('finds a dossier through the pasted iframe snippet, in Vietnamese, and refuses a wrong lookup code', async () => {
    const answer = await createToken([host.origin]);
    const dossier = await submitted(answer.token);
    await page.goto(pasted(answer.snippets.statusIframe));
    const frame = page.frameLocator('iframe[id^="hoso-status-"]');
    const vi = { code: 'Mã hồ sơ', secret: 'Mã tra cứu', submit: 'Tra cứu' };

    await lookUp(frame, vi, { code: dossier.code, secret: 'AAAA-BBBB-CCCC' });
    await expect(frame.getByRole('alert').innerText()).resolves.toContain('Không tìm thấy hồ sơ');
    expect(await frame.getByLabel(vi.code).inputValue()).toBe(dossier.code);

    await frame.getByLabel(vi.secret).fill(dossier.secret.toLowerCase());
    await frame.getByRole('button', { name: vi.submit }).click();
    await frame.getByRole('heading', { name: `Hồ sơ ${dossier.code}` }).waitFor();
    expect(await frame.locator('.hoso-status-stage').innerText()).toBe('Đề xuất của xã/phường');
    expect(await frame.locator('.hoso-status-timeliness').innerText()).toBe('Trong hạn');
    const text = await frame.locator('.hoso-status').innerText();
    expect(text).toContain('Phường Hà Cầu');
    expect(text).toMatch(/Ngày tiếp nhận\s+\d{2}\/\d{2}\/\d{4}/);
    expect(text).not.toContain(proposalIn('HN-HD-HC').household.headName);
    // The snippet's own listener follows the lookup's height (a bare iframe stays 150 px).
    await page.waitForFunction(
      () => ((globalThis as any).document.querySelector('iframe[id^="hoso-status-"]')?.offsetHeight ?? 0) > 300,
    );
    const inner = page.frames().find((f) => f.url().includes('/embed/status/'));
    expect(inner).toBeDefined();
    await screenshotsAndAxe('iframe-vi', inner!);
  });

  it('finds a dossier through the pasted <tra-cuu-ho-so> snippet, in English', async () => {
    const answer = await createToken([host.origin]);
    const dossier = await submitted(answer.token);
    await page.goto(pasted(answer.snippets.statusScript.replace('<tra-cuu-ho-so ', '<tra-cuu-ho-so lang="en" ')));
    const element = page.locator('tra-cuu-ho-so');
    const en = { code: 'Dossier code', secret: 'Lookup code', submit: 'Look up' };
    await element.getByLabel(en.code).waitFor();

    // Submitted empty: field errors next to the fields, no request.
    await element.getByRole('button', { name: en.submit }).click();
    expect(await element.locator('.error-detail').allInnerTexts()).toEqual([
      'Please fill this in.',
      'Please fill this in.',
    ]);

    await lookUp(element, en, dossier);
    await element.getByRole('heading', { name: `Dossier ${dossier.code}` }).waitFor();
    expect(await element.locator('.hoso-status-stage').innerText()).toBe('Commune proposal');
    expect(await element.locator('.hoso-status-timeliness').innerText()).toBe('Within the time limit');
    await screenshotsAndAxe('element-en', page);
  });

  it('says the portal is not allowed or the service unreachable, instead of "Failed to fetch", both ways', async () => {
    const answer = await createToken(['https://cong-thong-tin.hanoi.example.vn']);
    await page.goto(pasted(`${answer.snippets.statusScript}\n${answer.snippets.script}`));
    const lookup = page.locator('tra-cuu-ho-so');
    await lookUp(lookup, { code: 'Mã hồ sơ', secret: 'Mã tra cứu', submit: 'Tra cứu' }, { code: 'X', secret: 'Y' });
    const lookupAlert = await lookup.getByRole('alert').innerText();
    const formAlert = await page.locator('ho-so-form').getByRole('alert').innerText();
    for (const alert of [lookupAlert, formAlert]) {
      expect(alert).toContain('trang này chưa được phép nhúng dịch vụ');
      expect(alert).not.toMatch(/Failed to fetch/i);
    }
    await screenshotsAndAxe('refused-vi', page);

    // In English mode, in English.
    await page.goto(pasted(answer.snippets.script.replace('<ho-so-form ', '<ho-so-form lang="en" ')));
    const english = await page.locator('ho-so-form').getByRole('alert').innerText();
    expect(english).toContain('this page is not allowed to embed it');
    expect(english).not.toMatch(/Failed to fetch/i);
  });
});
