// `npm run bench:embed`: how much JavaScript the embeddable form makes a page load before it shows the form (the
// iframe page, and <ho-so-form> on a host page), minified and gzipped, and how long headless Chromium takes from
// navigation to the rendered form, on localhost. Builds the bundle first, then writes docs/benchmarks.md (its own
// section only). Needs Debian's chromium (apt-get install -y chromium), nothing else: no database, no Temporal.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { delimiter, extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { embedPageCsp } from '../../api/embed/create-embed-page-router';
import { createEmbedFormRenderer } from '../../api/embed/create-embed-form-renderer';
import { embedPageHtml } from '../../api/embed/embed-page-html';
import { inlineStylesheets } from '../../api/embed/inline-stylesheets';
import { replaceMarkdownSection } from './replace-markdown-section';
import { citizenDescriptionOf } from '../../forms/citizen-description';

const repoRoot = join(__dirname, '../..');
const dist = join(repoRoot, 'web/dist/embed');
const docsFile = join(repoRoot, 'docs/benchmarks.md');
const heading = '## Embed (`npm run bench:embed`)';
const FORM = 'housing-proposal@1';
const TOKEN = 'e1.bench.token';
const RUNS = 9;
const TARGET_GZIP_KIB = 150;
const TARGET_RENDER_MS = 300;

const log = (message: string) => process.stdout.write(`[bench:embed] ${message}\n`);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

// ---------------------------------------------------------------------------------------------------------- sizes

interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
  name?: string;
}
type Manifest = Record<string, ManifestChunk>;

interface Size {
  files: string[];
  bytes: number;
  gzip: number;
}

async function sizeOf(files: string[]): Promise<Size> {
  let bytes = 0;
  let gzip = 0;
  for (const file of files) {
    const content = await readFile(join(dist, file));
    bytes += content.byteLength;
    gzip += gzipSync(content, { level: 9 }).byteLength;
  }
  return { files, bytes, gzip };
}

/** The JS files a manifest entry loads before it runs: itself and its static imports, transitively. */
function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): string[] {
  if (seen.has(key)) return [];
  seen.add(key);
  const chunk = manifest[key];
  if (!chunk) throw new Error(`manifest has no ${key}`);
  return [chunk.file, ...(chunk.imports ?? []).flatMap((k) => staticClosure(manifest, k, seen))];
}

async function measureSizes() {
  const manifest = JSON.parse(await readFile(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  const iframeKey = 'form.html';
  const elementKey = Object.keys(manifest).find(
    (k) => manifest[k]!.isEntry && manifest[k]!.name === 'ho-so-form-element',
  );
  const validatorKey = Object.keys(manifest).find((k) => manifest[k]!.name === FORM);
  if (!elementKey || !validatorKey) throw new Error('the manifest lacks the element entry or the validator chunk');
  const iframeJs = staticClosure(manifest, iframeKey);
  const elementJs = ['ho-so-form.js', ...staticClosure(manifest, elementKey)];
  const loaded = new Set([...iframeJs, ...elementJs]);
  const validatorJs = staticClosure(manifest, validatorKey).filter((f) => !loaded.has(f));
  return {
    iframe: await sizeOf(iframeJs),
    iframeCss: await sizeOf(manifest[iframeKey]!.css ?? []),
    element: await sizeOf(elementJs),
    validator: await sizeOf(validatorJs),
  };
}

// --------------------------------------------------------------------------------------------- servers and timing

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

/**
 * The API's part, with the bodies the real one gives: the iframe page with its CSP, the bundle's files with their
 * CORS header, and `GET /api/embed/:token/form` for the housing proposal. Stubbed so that the figure is the
 * browser's work (loading, parsing, rendering), not a database's.
 */
async function startApiStub(hostOrigin: () => string): Promise<{ server: Server; origin: string }> {
  const form = JSON.parse(await readFile(join(repoRoot, `forms/definitions/${FORM}.json`), 'utf8'));
  const template = await readFile(join(dist, 'form.html'), 'utf8');
  const renderer = createEmbedFormRenderer({
    logger: { error: (message, meta) => log(`${message} ${JSON.stringify(meta)}`) },
  });
  const describe = () => ({
    process: { key: 'housing-support-2024', version: 1, title: { vi: 'Hỗ trợ nhà ở', en: 'Housing support' } },
    unit: { code: 'HN-HD-HC', name: 'Phường Hà Cầu' },
    origins: [hostOrigin()],
    form,
    officerFields: [],
    description: citizenDescriptionOf(form),
  });
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const cors = { 'access-control-allow-origin': hostOrigin(), vary: 'Origin' };
    if (url.pathname === `/embed/form/${TOKEN}`) {
      // As the API serves it: the form's data inlined (see createEmbedPageRouter).
      // As the API serves it: the form rendered on the server and its data inlined (createEmbedPageRouter).
      const described = describe();
      const rendered = renderer.render(described, 'vi', TOKEN);
      if (!rendered) throw new Error('the server-side renderer is missing (npm run build:web)');
      const inlined = inlineStylesheets(template, (href) =>
        readFileSync(join(dist, href.replace(/^\/embed\//, '')), 'utf8'),
      );
      const page = embedPageHtml(inlined.html, described, rendered);
      res
        .writeHead(200, {
          'content-type': types['.html']!,
          'content-security-policy': embedPageCsp([hostOrigin()], [...inlined.hashes, ...rendered.styleHashes]),
          'cache-control': 'no-store',
        })
        .end(page);
    } else if (url.pathname === `/api/embed/${TOKEN}/form`) {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, { ...cors, 'access-control-allow-headers': 'accept-language' }).end();
        return;
      }
      const described = describe();
      const html =
        url.searchParams.get('render') === 'html' ? renderer.render(described, 'vi', TOKEN)?.html : undefined;
      res
        .writeHead(200, { ...cors, 'content-type': 'application/json; charset=utf-8' })
        .end(JSON.stringify(html ? { ...described, html } : described));
    } else if (url.pathname.startsWith('/embed/')) {
      const file = normalize(join(dist, url.pathname.slice('/embed/'.length)));
      if (!file.startsWith(dist) || !existsSync(file) || file.endsWith('.html')) {
        res.writeHead(404).end();
        return;
      }
      res
        .writeHead(200, {
          'content-type': types[extname(file)] ?? 'application/octet-stream',
          'access-control-allow-origin': '*',
        })
        .end(await readFile(file));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** The portal's pages (another origin: localhost, not 127.0.0.1); each records when the form said it was ready. */
async function startHost(apiOrigin: () => string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const api = apiOrigin();
    const record = `window.__ready = performance.now();`;
    let html: string | undefined;
    if (req.url === '/iframe') {
      html = `<!doctype html><meta charset="utf-8"><title>host</title><iframe id="f" src="${api}/embed/form/${TOKEN}" style="width:100%;border:0"></iframe>
<script>addEventListener('message', (e) => { if (e.origin === ${JSON.stringify(api)} && e.data && e.data.type === 'ready') { ${record} } });</script>`;
    } else if (req.url === '/element') {
      html = `<!doctype html><meta charset="utf-8"><title>host</title>
<script>document.addEventListener('hoso-ready', () => { ${record} });</script>
<script src="${api}/embed/ho-so-form.js" defer></script><ho-so-form token="${TOKEN}"></ho-so-form>`;
    }
    if (!html) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': types['.html']!, 'cache-control': 'no-store' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://localhost:${(server.address() as AddressInfo).port}` };
}

function findChromium(): string {
  if (process.env.HOSO_CHROMIUM) return process.env.HOSO_CHROMIUM;
  for (const dir of (process.env.PATH ?? '').split(delimiter))
    if (dir && existsSync(join(dir, 'chromium'))) return join(dir, 'chromium');
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  throw new Error("Chromium not found: apt-get install -y chromium (Debian's package), or set HOSO_CHROMIUM");
}

interface Timing {
  /** Navigation start to the form's `ready` (fired after React committed the rendered form): interactive. */
  ready: number;
  /** Navigation start to the iframe's first contentful paint: the server-rendered form, before its scripts ran. */
  painted?: number;
  /**
   * Navigation start to the last initial script received, and to the form's JSON received (host-visible only: the
   * element).
   */
  scripts?: number;
  formJson?: number;
}

async function timeToForm(browser: Browser, url: string): Promise<Timing> {
  // A fresh context per run: empty HTTP cache, so every run loads every file (a first visit).
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction('window.__ready !== undefined', undefined, { timeout: 20_000 });
    let painted: number | undefined;
    const child = page.frames().find((f) => f !== page.mainFrame());
    if (child) {
      // Both pages' clocks start at their own navigation; timeOrigin puts the iframe's paint on the host's clock.
      const hostOrigin = (await page.evaluate('performance.timeOrigin')) as number;
      const paint = (await child.evaluate(
        `({ origin: performance.timeOrigin, fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime })`,
      )) as { origin: number; fcp?: number };
      if (paint.fcp !== undefined) painted = paint.origin + paint.fcp - hostOrigin;
    } else {
      // The element's host page shows nothing else: its first contentful paint is the loader's painted form.
      painted = (await page.evaluate(`performance.getEntriesByName('first-contentful-paint')[0]?.startTime`)) as
        number | undefined;
    }
    const timing = (await page.evaluate(`(() => {
      const entries = performance.getEntriesByType('resource');
      const form = entries.find((e) => new URL(e.name).pathname.endsWith('/form'));
      const scripts = entries.filter((e) => e.name.endsWith('.js') && !e.name.includes('/validators/'));
      return { ready: window.__ready, scripts: scripts.length ? Math.max(...scripts.map((e) => e.responseEnd)) : undefined, formJson: form ? form.responseEnd : undefined };
    })()`)) as Timing;
    return painted === undefined ? timing : { ...timing, painted };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

// ------------------------------------------------------------------------------------------------------------ main

async function main(): Promise<void> {
  log('building the embed bundle (npm run build:web)…');
  const built = spawnSync('npm', ['run', '--silent', 'build:web'], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (built.status !== 0) throw new Error(`npm run build:web failed (exit ${built.status})`);

  const sizes = await measureSizes();
  log(
    `iframe page: ${kib(sizes.iframe.bytes)} JS, ${kib(sizes.iframe.gzip)} gzip; <ho-so-form>: ${kib(sizes.element.bytes)}, ${kib(sizes.element.gzip)} gzip`,
  );

  let hostOrigin = '';
  let apiOrigin = '';
  const api = await startApiStub(() => hostOrigin);
  const host = await startHost(() => apiOrigin);
  apiOrigin = api.origin;
  hostOrigin = host.origin;
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  const loadBefore = os.loadavg()[0]!;
  const started = Date.now();
  const timings: Record<'iframe' | 'element', number[]> = { iframe: [], element: [] };
  const phases: { scripts: number[]; formJson: number[]; iframePainted: number[]; elementPainted: number[] } = {
    scripts: [],
    formJson: [],
    iframePainted: [],
    elementPainted: [],
  };
  try {
    for (const kind of ['iframe', 'element'] as const) await timeToForm(browser, `${host.origin}/${kind}`); // warm-up, not counted
    for (let run = 1; run <= RUNS; run++) {
      for (const kind of ['iframe', 'element'] as const) {
        const timing = await timeToForm(browser, `${host.origin}/${kind}`);
        timings[kind].push(timing.ready);
        if (timing.scripts !== undefined) phases.scripts.push(timing.scripts);
        if (timing.formJson !== undefined) phases.formJson.push(timing.formJson);
        if (timing.painted !== undefined)
          phases[kind === 'iframe' ? 'iframePainted' : 'elementPainted'].push(timing.painted);
        const detail =
          timing.scripts !== undefined
            ? ` (scripts in ${timing.scripts.toFixed(0)} ms, form JSON at ${timing.formJson?.toFixed(0)} ms)`
            : '';
        const painted = timing.painted !== undefined ? ` (painted at ${timing.painted.toFixed(0)} ms)` : '';
        log(`run ${run}/${RUNS}  ${kind.padEnd(7)} ${timing.ready.toFixed(0).padStart(5)} ms${painted}${detail}`);
      }
    }
  } finally {
    await browser.close();
    api.server.close();
    host.server.close();
  }
  const loadAfter = os.loadavg()[0]!;
  const stats = (values: number[]) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) });
  const iframeMs = stats(timings.iframe);
  if (phases.iframePainted.length !== RUNS || phases.elementPainted.length !== RUNS)
    throw new Error('a page reported no first contentful paint in some runs');
  const paintedMs = stats(phases.iframePainted);
  const elementPaintedMs = stats(phases.elementPainted);
  const elementMs = stats(timings.element);
  const version =
    spawnSync(findChromium(), ['--version'], { encoding: 'utf8' }).stdout.trim().split('\n')[0] ?? 'Chromium';

  const met = (ok: boolean) => (ok ? 'met' : '**not met**');
  const row = (what: string, s: Size) => `| ${what} | ${s.files.length} | ${kib(s.bytes)} | ${kib(s.gzip)} |`;
  const cpus = os.cpus();
  const body = [
    `Command: \`npm run bench:embed\` (\`tsx scripts/bench/bench-embed.ts\`), run ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')},`,
    `Node ${process.version}, ${version}, ${cpus[0]?.model.trim() ?? 'unknown CPU'} (${cpus.length} logical cores; 1-minute load average`,
    `${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after the run). Run time ${Math.round((Date.now() - started) / 1000)} s.`,
    '',
    `Form \`${FORM}\`. The bundle is built first (\`npm run build:web\`: React ${reactVersion()}, @rjsf/core ${rjsfVersion()}, Vite).`,
    '',
    '**Initial JavaScript** — what a page loads before the form can render (entry plus its static imports, from',
    "Vite's manifest), minified as built, and gzip -9 of each file. The form's precompiled validator is fetched in",
    'parallel with rendering, so it is listed apart; the iframe page also has one stylesheet, which the API inlines',
    'into the page (allowed by its CSP hash) so the form paints without another request (the element carries its',
    'styles inside its JavaScript). The API serves these files uncompressed: the gzip figures are what a compressing',
    'reverse proxy in front of it sends.',
    '',
    '| What | Files | Minified | Gzip |',
    '| --- | ---: | ---: | ---: |',
    row('iframe page (`/embed/form/:token`)', sizes.iframe),
    row('`<ho-so-form>` (`ho-so-form.js` loader + element module)', sizes.element),
    row(`+ validator of \`${FORM}\` (after the form is known)`, sizes.validator),
    row('iframe page stylesheet (inlined)', sizes.iframeCss),
    '',
    `**Time to first render** — headless Chromium, both origins on localhost (portal page on \`localhost\`, API on`,
    "`127.0.0.1`), a new browser context per run (empty cache), from the portal page's navigation start. The API",
    "renders the iframe's form on the server into the page (React's `renderToString`, cached per token, language",
    "and form version), so the form is *painted* (the iframe's first contentful paint) before any of its JavaScript",
    "has run; it is *interactive* at the form's `ready`, sent once React has hydrated it. For `<ho-so-form>` the",
    "loader fetches the form with `?render=html` and the stylesheet and paints the server's rendering, inert, in",
    "the element's shadow root (painted = the host page's first contentful paint); the element's code then renders",
    "the live form in the browser and swaps it in (interactive = `ready`). The API's answers come from a stub that builds the page",
    "with the same functions (`embedPageHtml`, the built renderer, `embedPageCsp`), so this is the browser's work,",
    `not the database's. Median of ${RUNS} runs after one warm-up, with min – max:`,
    '',
    '| Embedding | Form painted | Interactive (`ready`) |',
    '| --- | ---: | ---: |',
    `| iframe | ${paintedMs.median.toFixed(0)} ms (${paintedMs.min.toFixed(0)} – ${paintedMs.max.toFixed(0)}) | ${iframeMs.median.toFixed(0)} ms (${iframeMs.min.toFixed(0)} – ${iframeMs.max.toFixed(0)}) |`,
    `| \`<ho-so-form>\` | ${elementPaintedMs.median.toFixed(0)} ms (${elementPaintedMs.min.toFixed(0)} – ${elementPaintedMs.max.toFixed(0)}) | ${elementMs.median.toFixed(0)} ms (${elementMs.min.toFixed(0)} – ${elementMs.max.toFixed(0)}) |`,
    '',
    `Where the element's time goes (medians; the host page sees its resource timings): its scripts are received by`,
    `${median(phases.scripts).toFixed(0)} ms and the form's JSON (requested by the loader while the element's module loads) by`,
    `${median(phases.formJson).toFixed(0)} ms; the rest, until \`ready\`, is running the module and rendering with React and react-jsonschema-form.`,
    'A CPU profile of that rest shows no single hot spot: compiling the ~410 KiB of JavaScript, React and',
    'react-jsonschema-form building the 29-field form, style and layout. The element renders the live form itself',
    "rather than hydrating the painted one: the host page's CSP is not ours, and it may refuse the few `style`",
    "attributes of server markup that the iframe's CSP allows by hash.",
    '',
    'Targets:',
    `- initial JS ≤ ${TARGET_GZIP_KIB} KB gzip: iframe page ${kib(sizes.iframe.gzip)} — ${met(sizes.iframe.gzip <= TARGET_GZIP_KIB * 1024)};` +
      ` \`<ho-so-form>\` ${kib(sizes.element.gzip)} — ${met(sizes.element.gzip <= TARGET_GZIP_KIB * 1024)};` +
      ` with the validator ${kib(sizes.element.gzip + sizes.validator.gzip)} — ${met(sizes.element.gzip + sizes.validator.gzip <= TARGET_GZIP_KIB * 1024)}`,
    `- first render ≤ ${TARGET_RENDER_MS} ms: iframe painted at ${paintedMs.median.toFixed(0)} ms — ${met(paintedMs.median <= TARGET_RENDER_MS)}` +
      ` (interactive at ${iframeMs.median.toFixed(0)} ms); \`<ho-so-form>\` painted at ${elementPaintedMs.median.toFixed(0)} ms — ${met(elementPaintedMs.median <= TARGET_RENDER_MS)}` +
      ` (interactive at ${elementMs.median.toFixed(0)} ms)`,
  ].join('\n');

  const existing = existsSync(docsFile) ? await readFile(docsFile, 'utf8') : '# Benchmarks\n';
  const temporary = `${docsFile}.${process.pid}.tmp`;
  await writeFile(temporary, replaceMarkdownSection(existing, heading, body));
  await rename(temporary, docsFile);
  log(
    `iframe ${iframeMs.median.toFixed(0)} ms, <ho-so-form> ${elementMs.median.toFixed(0)} ms (medians); written to docs/benchmarks.md`,
  );
}

function packageVersion(name: string): string {
  try {
    return (require(join(repoRoot, 'node_modules', name, 'package.json')) as { version: string }).version;
  } catch {
    return '?';
  }
}
const reactVersion = () => packageVersion('react');
const rjsfVersion = () => packageVersion('@rjsf/core');

main().catch((error: unknown) => {
  process.stderr.write(`bench:embed failed: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
