// The HTML and static side of embedding over plain HTTP (the browser side is test/browser/embed-form.test.ts).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createEmbedTokenCodec } from '../../api/embed/create-embed-token-codec';
import { DEFAULT_EMBED_DIST } from '../../api/embed/create-embed-page-router';
import { INLINE_FORM_ID, inlineJson } from '../../api/embed/embed-page-html';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();
const PORTAL = 'https://cong-thong-tin.hanoi.example.vn';
const SECOND = 'http://localhost:8080';

async function createToken() {
  const res = await ctx.api.call('POST', '/api/admin/embed-tokens', {
    as: 'admin.hanoi',
    body: {
      label: 'Cổng',
      processKey: 'housing-support-2024',
      unitCode: 'HN-HD-HC',
      origins: [PORTAL, SECOND],
      expiresAt: new Date(Date.now() + 86400_000).toISOString(),
    },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; token: string };
}

beforeAll(() => {
  if (!existsSync(path.join(DEFAULT_EMBED_DIST, 'form.html')))
    throw new Error(`no embed build in ${DEFAULT_EMBED_DIST}: run npm run build:web`);
});

describe('the embed page and files', () => {
  it("serve the iframe page with a CSP that names exactly the token's origins as frame ancestors and allows no eval", async () => {
    const { token } = await createToken();
    const res = await fetch(`${ctx.system.baseUrl}/embed/form/${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(new RegExp(`frame-ancestors ${PORTAL} ${SECOND}$`));
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-(eval|inline)/);
    expect(res.headers.get('x-frame-options')).toBeNull();
    const html = await res.text();
    expect(html).toMatch(/<script type="module" crossorigin src="\/embed\/assets\/form-[\w-]+\.js">/);
    expect(html).not.toMatch(/<script>| on\w+=/); // nothing inline that would run
    // The bundle's stylesheet is inlined (the form paints without another request), allowed by its hash only.
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(styles.length).toBe(1);
    expect(csp).toContain(`'sha256-${createHash('sha256').update(styles[0]!).digest('base64')}'`);
    expect(html).not.toMatch(/<link rel="stylesheet"/);
    // The form's data is inlined (data, not script), exactly what the JSON endpoint answers.
    const inlined = new RegExp(`<script type="application/json" id="${INLINE_FORM_ID}">([^<]*)</script>`).exec(html);
    expect(inlined).not.toBeNull();
    const api = await ctx.api.call('GET', `/api/embed/${token}/form`);
    expect(JSON.parse(inlined![1]!)).toEqual(api.body);
    expect(inlineJson({ title: '</script><!-- x' })).not.toContain('<');
    expect(JSON.parse(inlineJson({ title: '</script><!-- x' }))).toEqual({ title: '</script><!-- x' });
  });

  it('render the form on the server in the asked language, with a CSP hash for each style attribute and nothing else inline', async () => {
    const { token } = await createToken();
    for (const [query, title] of [
      ['', 'Đề xuất hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo'],
      ['?lang=en', 'Housing support proposal'],
    ] as const) {
      const res = await fetch(`${ctx.system.baseUrl}/embed/form/${token}${query}`);
      const html = await res.text();
      const root =
        /<div id="hoso-embed-root" data-ssr="">([\s\S]*?)<\/div><\/main>\s*<script type="application\/json"/.exec(html);
      expect(root).not.toBeNull();
      expect(root![1]).toContain(title);
      expect(root![1]).toContain('id="hoso_household_citizenId"');
      // The form starts with one funding-source row (minItems 1): react-jsonschema-form's array item and its button
      // group are the elements that carry style attributes. They must be there, or the check below checks nothing.
      const styled = [...root![1]!.matchAll(/<\w+\s[^>]*\bstyle="([^"]*)"[^>]*>/g)].map((m) => ({
        className: /\sclass="([^"]*)"/.exec(m[0])?.[1],
        style: m[1]!
          .replace(/&quot;/g, '"')
          .replace(/&#x27;/g, "'")
          .replace(/&amp;/g, '&'),
      }));
      expect(styled).toEqual(
        expect.arrayContaining([
          { className: 'rjsf-array-item', style: 'display:flex;align-items:baseline' },
          { className: 'btn-group', style: expect.stringContaining('display:flex') },
        ]),
      );
      const styles = [...new Set(styled.map((s) => s.style))];
      const csp = res.headers.get('content-security-policy') ?? '';
      const hashes = styles.map((value) => `'sha256-${createHash('sha256').update(value).digest('base64')}'`);
      const sheet = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
      const sheetHash = `'sha256-${createHash('sha256').update(sheet).digest('base64')}'`;
      const styleSrc = /style-src ([^;]*)/.exec(csp)![1]!.split(' ');
      // Exactly the stylesheet and each style attribute's value: nothing else may be styled inline.
      expect(styleSrc.slice(0, 2)).toEqual(["'self'", "'unsafe-hashes'"]);
      expect(styleSrc.slice(2).sort()).toEqual([sheetHash, ...hashes].sort());
      expect(csp).not.toMatch(/unsafe-(eval|inline)/);
    }
  });

  it('answer the form with its server rendering when asked (the <ho-so-form> loader paints it), in the asked language', async () => {
    const { token } = await createToken();
    const plain = await ctx.api.call('GET', `/api/embed/${token}/form`);
    expect(plain.body.html).toBeUndefined();
    const rendered = await ctx.api.call('GET', `/api/embed/${token}/form?render=html&lang=en`);
    expect(rendered.status).toBe(200);
    expect(rendered.body.html).toMatch(/^<div class="hoso" lang="en"/);
    expect(rendered.body.html).toContain('Housing support proposal');
    const { html: _html, ...rest } = rendered.body;
    expect(rest).toEqual(plain.body);
  });

  it('tell the iframe which origins it may talk to', async () => {
    const { token } = await createToken();
    const res = await ctx.api.call('GET', `/api/embed/${token}/form`);
    expect(res.status).toBe(200);
    expect(res.body.origins).toEqual([PORTAL, SECOND]);
  });

  it('answer a tampered, expired or revoked token with a 401 page in the asked language', async () => {
    const { id, token } = await createToken();
    const tampered = await fetch(`${ctx.system.baseUrl}/embed/form/${token.slice(0, -2)}xx`);
    expect(tampered.status).toBe(401);
    expect(tampered.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await tampered.text()).toContain('Mã nhúng biểu mẫu không hợp lệ');

    const expired = createEmbedTokenCodec(ctx.system.embedSigningKeys).encode({
      id,
      exp: Math.floor(Date.now() / 1000) - 60,
    });
    const expiredPage = await fetch(`${ctx.system.baseUrl}/embed/form/${expired}?lang=en`);
    expect(expiredPage.status).toBe(401);
    expect(await expiredPage.text()).toMatch(/<html lang="en">.*embed token expired/s);

    expect((await ctx.api.call('POST', `/api/admin/embed-tokens/${id}/revoke`, { as: 'admin.hanoi' })).status).toBe(
      200,
    );
    const revoked = await fetch(`${ctx.system.baseUrl}/embed/form/${token}`);
    expect(revoked.status).toBe(401);
    expect(await revoked.text()).toContain('Mã nhúng biểu mẫu đã bị thu hồi');
  });

  it('serve hashed files for a year with CORS, the loader revalidated, and not the page template', async () => {
    const asset = readdirSync(path.join(DEFAULT_EMBED_DIST, 'assets')).find((f) => f.endsWith('.js'));
    const validator = readdirSync(path.join(DEFAULT_EMBED_DIST, 'validators')).find((f) =>
      f.startsWith('housing-proposal@1-'),
    );
    expect(validator).toBeDefined();
    for (const file of [`assets/${asset}`, `validators/${validator}`]) {
      const res = await fetch(`${ctx.system.baseUrl}/embed/${file}`, {
        headers: { origin: 'https://anywhere.example' },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
    }
    const loader = await fetch(`${ctx.system.baseUrl}/embed/ho-so-form.js`);
    expect(loader.status).toBe(200);
    expect(loader.headers.get('cache-control')).toBe('no-cache');
    expect(await loader.text()).toMatch(/document\.currentScript[\s\S]*defineHoSoForm\(src\.origin, prefetched\)/);
    expect((await fetch(`${ctx.system.baseUrl}/embed/form.html`)).status).toBe(404);
    expect((await fetch(`${ctx.system.baseUrl}/embed/.vite/manifest.json`)).status).toBe(404);
    expect((await fetch(`${ctx.system.baseUrl}/embed/nothing-here.js`)).status).toBe(404);
  });
});
