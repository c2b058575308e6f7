// `npm run test:fuzz`: Schemathesis against the real system, as the API's contract test (issue 12).
//
// 1. A Python venv outside the repository, `${HOSO_CACHE_DIR:-~/.cache/hoso}/schemathesis-<version>`, made once
//    with `python3 -m venv` and `pip install schemathesis==<version>` from PyPI, reused by later runs.
// 2. The whole system as `npm run demo` runs it (scripts/start.ts as a child: Temporal dev server, FerretDB, worker,
//    demo seed, API), on free ports and a temporary data folder, so a running `npm start` is not disturbed.
// 3. `schemathesis run <api>/openapi.json` with every check and a bounded number of examples per operation, three
//    times: as an officer (quan.hadong), as the administrator (admin.hanoi), and with no token. Tokens come from
//    POST /api/auth/login with the demo accounts. The officer goes first: the administrator's run may change users.
// 4. Fails (exit 1) on any server error or any check failure of any of the three runs; prints the requests sent and
//    the time taken. test/fuzz/schemathesis.toml lists, per operation, the statuses valid data may get that the
//    schema cannot express (a cross-field rule, an opaque cursor, form data checked against its published form).
//
// Environment: HOSO_FUZZ_EXAMPLES (examples per operation, default 8), HOSO_FUZZ_SEED (default 1, so a failure
// reproduces), HOSO_FUZZ_KEEP=1 keeps the reports in test-output/schemathesis/ (always kept on failure).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../scripts/demo-accounts';
import { repoRoot } from '../../scripts/servers';
import { startLauncher, type Launcher } from '../faults/start-launcher';

export const SCHEMATHESIS_VERSION = '4.32.5';
const EXAMPLES = Number(process.env.HOSO_FUZZ_EXAMPLES ?? 8);
const SEED = Number(process.env.HOSO_FUZZ_SEED ?? 1);
const REPORTS = join(repoRoot, 'test-output', 'schemathesis');

const log = (message: string) => process.stdout.write(`[fuzz] ${message}\n`);

/** The venv's `schemathesis`, installed on first use (about a minute); the same venv afterwards. */
function schemathesisBin(): string {
  const venv = join(
    process.env.HOSO_CACHE_DIR || join(homedir(), '.cache', 'hoso'),
    `schemathesis-${SCHEMATHESIS_VERSION}`,
  );
  const bin = join(venv, 'bin', 'schemathesis');
  if (existsSync(bin)) return bin;
  log(`installing schemathesis ${SCHEMATHESIS_VERSION} into ${venv}`);
  rmSync(venv, { recursive: true, force: true });
  const run = (command: string, args: string[], hint: string) => {
    const result = spawnSync(command, args, { stdio: 'inherit' });
    if (result.status !== 0) {
      rmSync(venv, { recursive: true, force: true });
      throw new Error(
        `${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}); ${hint}`,
      );
    }
  };
  run('python3', ['-m', 'venv', venv], 'needs Python 3 with venv (Debian: apt-get install python3-venv; .ci/run does)');
  run(join(venv, 'bin', 'pip'), ['install', '--quiet', `schemathesis==${SCHEMATHESIS_VERSION}`], 'needs PyPI');
  return bin;
}

/**
 * Starts the system as `npm start` does (startLauncher: free ports, a temporary folder) and resolves once /healthz
 * answers 200, so the worker polls too.
 */
async function startSystem(): Promise<{ launcher: Launcher; exitedAs: () => string | undefined }> {
  const launcher = await startLauncher({}, 180_000, 'hoso-fuzz-');
  let exited: string | undefined;
  void launcher.exited.then((how) => (exited = how));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exited) throw new Error(`${exited}:\n${logTail(launcher)}`);
    if (Date.now() > deadline) throw new Error(`the system was not ready in 180 s:\n${logTail(launcher)}`);
    const ready = await fetch(`${launcher.baseUrl}/healthz`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ready) return { launcher, exitedAs: () => exited };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The last lines of the launcher's log, for error messages. */
const logTail = (launcher: Launcher): string =>
  readFileSync(launcher.logFile, 'utf8').split('\n').slice(-60).join('\n');

async function tokenOf(baseUrl: string, username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const body = (await res.json()) as { token?: string };
  if (res.status !== 200 || !body.token) throw new Error(`login of ${username} failed: ${res.status}`);
  return body.token;
}

/** The user the administrator's run acts on (see schemathesis.toml), so it never locks out the account it runs as. */
async function createFuzzTarget(baseUrl: string, adminToken: string): Promise<void> {
  const res = await fetch(`${baseUrl}/api/admin/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({
      username: 'fuzz.target',
      displayName: 'Tài khoản thử nghiệm',
      password: 'fuzz-target-1',
      grants: [{ role: 'commune_officer', unitCode: 'HN-HADONG' }],
    }),
  });
  if (res.status !== 201) throw new Error(`creating fuzz.target failed: ${res.status} ${await res.text()}`);
}

interface RunResult {
  as: string;
  ok: boolean;
  requests: number;
  answered: Set<string>;
  seconds: number;
}

/** One `schemathesis run`; the requests it sent, counted from its NDJSON event report. */
async function fuzz(bin: string, baseUrl: string, as: string, token: string | undefined): Promise<RunResult> {
  const reportDir = join(REPORTS, as);
  rmSync(reportDir, { recursive: true, force: true });
  mkdirSync(reportDir, { recursive: true });
  const args = [
    '--config-file',
    join(repoRoot, 'test', 'fuzz', 'schemathesis.toml'),
    'run',
    `${baseUrl}/openapi.json`,
    '--checks',
    'all',
    '--max-examples',
    String(EXAMPLES),
    '--seed',
    String(SEED),
    // One worker: with two, Hypothesis once failed inside itself ("AST constructor recursion depth mismatch", its
    // parsing of lambdas' source is not thread-safe on Python 3.11), a tool error that failed the run.
    '--workers',
    '1',
    '--report',
    'ndjson,junit',
    '--report-dir',
    reportDir,
    '--report-ndjson-path',
    join(reportDir, 'events.ndjson'),
    ...(token ? ['--header', `Authorization: Bearer ${token}`] : []),
    // A run with a token would end its own session with a logout, and every request after it would be 401: the
    // run without a token asks it (401), sign-in.test.ts covers it signed in.
    ...(token ? ['--exclude-path', '/api/auth/logout'] : []),
  ];
  log(
    `schemathesis as ${as}: ${[bin, ...args.map((a) => (a.startsWith('Authorization') ? 'Authorization: …' : a))].join(' ')}`,
  );
  const started = Date.now();
  // Its own working folder: Schemathesis keeps a cache (`.schemathesis/`) where it runs.
  // Asynchronously: a blocked event loop would keep our idle keep-alive sockets past the server's closing them.
  // Its output goes to a file, printed only when the run fails: its closing line ("== 3 warnings in 28.98s ==") has
  // pytest's shape, and CI, reading it as a pytest run that executed no test, recorded green runs as "no test".
  const output = join(reportDir, 'schemathesis.log');
  const fd = openSync(output, 'w');
  const child = spawn(bin, args, { stdio: ['ignore', fd, fd], cwd: reportDir, env: { ...process.env, NO_COLOR: '1' } });
  closeSync(fd);
  const status = await new Promise<number | null>((resolve) => {
    child.on('error', () => resolve(null));
    child.on('exit', (code) => resolve(code));
  });
  const seconds = (Date.now() - started) / 1000;
  if (status !== 0) process.stdout.write(readFileSync(output, 'utf8'));
  else log(`schemathesis as ${as}: exit 0; its output is in ${output} (kept with HOSO_FUZZ_KEEP=1)`);
  return { as, ok: status === 0, seconds, ...readEvents(reportDir) };
}

/**
 * What a run's NDJSON events recorded: the requests sent (each interaction is one) and the statuses each
 * operation answered, as `METHOD /template status`.
 */
function readEvents(reportDir: string): { requests: number; answered: Set<string> } {
  const file = join(reportDir, 'events.ndjson');
  const answered = new Set<string>();
  if (!existsSync(file)) return { requests: Number.NaN, answered };
  let requests = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.includes('"ScenarioFinished"')) continue;
    const { recorder } = (JSON.parse(line) as { ScenarioFinished: { recorder?: Recorder } }).ScenarioFinished;
    for (const interaction of Object.values(recorder?.interactions ?? {})) {
      requests += 1;
      const status = interaction.response?.status_code;
      if (recorder?.label && status) answered.add(`${recorder.label} ${status}`);
    }
  }
  return { requests, answered };
}

interface Recorder {
  label?: string;
  interactions?: Record<string, { response?: { status_code?: number } | null }>;
}

/**
 * The statuses the document promises that no run saw, for the report: not a failure (a 409 of a race or a 503 of a
 * database that is down do not happen in a fuzz run), but a list to read when a status is added to the document.
 */
async function documentedButUnseen(baseUrl: string, answered: Set<string>): Promise<string[]> {
  const doc = (await (await fetch(`${baseUrl}/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  };
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).flatMap(([method, { responses }]) =>
      Object.keys(responses)
        .map((status) => `${method.toUpperCase()} ${path} ${status}`)
        .filter((key) => !answered.has(key)),
    ),
  );
}

async function main(): Promise<void> {
  const bin = schemathesisBin();
  let started: Awaited<ReturnType<typeof startSystem>> | undefined;
  const results: RunResult[] = [];
  try {
    started = await startSystem();
    const { baseUrl } = started.launcher;
    log(`system ready at ${baseUrl}`);
    const officer = await tokenOf(baseUrl, 'quan.hadong');
    const admin = await tokenOf(baseUrl, 'admin.hanoi');
    await createFuzzTarget(baseUrl, admin);
    results.push(await fuzz(bin, baseUrl, 'officer', officer));
    results.push(await fuzz(bin, baseUrl, 'admin', admin));
    results.push(await fuzz(bin, baseUrl, 'anonymous', undefined));
    // The system must have survived the runs: /healthz still answers 200 and no process has exited.
    const health = await fetch(`${baseUrl}/healthz`).then(
      (res) => String(res.status),
      (error: unknown) => String(error instanceof Error ? (error.cause ?? error.message) : error),
    );
    const exited = started.exitedAs();
    if (health !== '200' || exited) {
      throw new Error(
        `the system did not survive the runs (/healthz: ${health}; ${exited ?? 'running'}):\n${logTail(started.launcher)}`,
      );
    }
    const unseen = await documentedButUnseen(baseUrl, new Set(results.flatMap((r) => [...r.answered])));
    log(`${unseen.length} documented statuses no run saw: ${unseen.join('; ')}`);
  } finally {
    await started?.launcher.stop();
    if (started) rmSync(started.launcher.dataDir, { recursive: true, force: true });
  }
  for (const r of results) {
    log(
      `${r.as.padEnd(10)} ${r.ok ? 'passed' : 'FAILED'}: ${r.requests.toLocaleString('en')} requests in ${r.seconds.toFixed(0)} s`,
    );
  }
  const total = results.reduce((n, r) => n + r.requests, 0);
  log(`${total.toLocaleString('en')} requests in all, ${EXAMPLES} examples per operation, seed ${SEED}`);
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) {
    log(`failed as ${failed.map((r) => r.as).join(', ')}; reports in ${REPORTS}`);
    process.exitCode = 1;
  } else if (process.env.HOSO_FUZZ_KEEP !== '1') rmSync(REPORTS, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
