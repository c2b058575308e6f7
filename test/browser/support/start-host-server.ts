import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for a portal on another origin: plain pages at `http://localhost:<port>` while the API is at
 * `http://127.0.0.1:<port>` (another host, so another origin). The pages record what the embed tells them in
 * `window.__hoso` for the test to read:
 *
 * - `/iframe?src=<iframe URL>&api=<API origin>`: the iframe snippet, plus the few lines a portal adds to follow the
 *   form's height: `messages` (every postMessage from the API origin) and `heights` (the iframe's height after each
 *   `resize`).
 * - `/element?api=<API origin>&token=<token>&lang=<vi|en>`: the script snippet with `<ho-so-form>`, themed through the
 *   custom properties, next to page CSS that tries to restyle inputs and buttons; `events` lists the element's
 *   DOM events.
 * - `/snippet?html=<HTML>`: a page with the given HTML pasted in its body as it is (the admin's iframe snippet, with
 *   nothing of the portal's own around it).
 * - `/blank`: an empty page on this origin.
 */
export interface HostServer {
  origin: string;
  close(): Promise<void>;
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function iframePage(src: string, api: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng thông tin phường (thử)</title>
<style>body{font-family:Georgia,serif;margin:24px;background:#f4f1ea} iframe{display:block;width:100%;max-width:760px;border:1px solid #ccc;background:#fff}</style>
</head><body>
<h1>Cổng thông tin phường Hà Cầu</h1>
<p>Nộp hồ sơ đề nghị hỗ trợ nhà ở trực tuyến:</p>
<iframe id="hoso" src="${escapeAttr(src)}" title="Đề xuất hỗ trợ nhà ở" style="width:100%;border:0" loading="eager"></iframe>
<script>
  window.__hoso = { messages: [], heights: [] };
  const frame = document.getElementById('hoso');
  window.addEventListener('message', (event) => {
    if (event.origin !== ${JSON.stringify(api)} || event.source !== frame.contentWindow) return;
    if (!event.data || event.data.source !== 'hoso-embed') return;
    window.__hoso.messages.push(event.data);
    if (event.data.type === 'resize') {
      frame.style.height = event.data.height + 'px';
      window.__hoso.heights.push(frame.getBoundingClientRect().height);
    }
  });
</script>
</body></html>`;
}

function elementPage(api: string, token: string, lang: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng thông tin phường (thử)</title>
<style>
  body { font-family: Georgia, serif; margin: 24px; background: #f4f1ea; color: #402; }
  /* page CSS that must not reach into the form */
  input, select, textarea { background: rgb(255, 0, 0) !important; font-size: 30px !important; }
  button { background: rgb(0, 128, 0); }
  .hoso-button, .form-control { border: 5px dotted rgb(255, 0, 255); }
  ho-so-form { --hoso-primary: #8a1538; --hoso-font: "DejaVu Sans", sans-serif; --hoso-radius: 2px; display: block; max-width: 760px; background: #fff; }
</style>
<script src="${escapeAttr(api)}/embed/ho-so-form.js" defer></script>
</head><body>
<h1>Cổng thông tin phường Hà Cầu</h1>
<button class="hoso-button" id="outside">Nút của trang</button>
<ho-so-form token="${escapeAttr(token)}"${lang === 'en' ? ' lang="en"' : ''}></ho-so-form>
<script>
  window.__hoso = { events: [] };
  for (const type of ['hoso-ready', 'hoso-submitted', 'hoso-validation-failed', 'hoso-error']) {
    document.addEventListener(type, (event) => window.__hoso.events.push({ type, detail: event.detail }));
  }
</script>
</body></html>`;
}

export async function startHostServer(): Promise<HostServer> {
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const q = (name: string) => url.searchParams.get(name) ?? '';
    let html: string | undefined;
    if (url.pathname === '/iframe') html = iframePage(q('src'), q('api'));
    else if (url.pathname === '/element') html = elementPage(q('api'), q('token'), q('lang'));
    else if (url.pathname === '/snippet')
      html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng thông tin (dán mã nhúng)</title></head><body><h1>Cổng thông tin phường</h1>${q('html')}</body></html>`;
    else if (url.pathname === '/blank')
      html = '<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body></body></html>';
    if (html === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
