// `npm run bench:transition [-- --dossiers N --rounds R --no-doc]`: how long a transition plan's execution takes to
// move N open dossiers of the 1 July 2025 reform (issue 17), one at a time against TRANSFER_CONCURRENCY at once, in
// one run on one system: a Temporal CLI dev server and the patched FerretDB (scripts/servers), and the integration
// tests' system in this process (API, worker and database models: test/integration/support/start-system.ts). Each
// round creates N housing-support-2024@3 dossiers at the district's review (spread over the Hà Đông wards, through
// the API), prepares a plan that moves them to housing-support-2025@2's city approval, and times the execution by the
// transition service with the round's concurrency; after an uncounted warm-up, pairs of rounds go in A B B A order so
// that both see the same machine.
// Every execution is checked to have moved all N. Prints the figures and writes docs/benchmarks.md unless --no-doc.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import type { AuthenticatedUser } from '../../api/auth/authenticated-user';
import { createTransitionService, TRANSFER_CONCURRENCY } from '../../api/transition/create-transition-service';
import { startSystem } from '../../test/integration/support/start-system';
import { proposalIn, withNewHousehold } from '../../test/integration/support/form-examples';
import { REFORM_2025_PLAN } from '../../test/integration/support/reform-2025-plan';
import { SEARCH_ATTRIBUTE_TYPES } from '../../workflows/search-attributes';
import { DEMO_ACCOUNTS } from '../demo-accounts';
import { createProgressBar } from '../lib/progress-bar';
import { findFreePort, repoRoot, resolveServerBinaries, startFerretDb, startTemporalDevServer } from '../servers';
import { httpApi } from './engine/http-api';
import { replaceMarkdownSection } from './replace-markdown-section';

const heading = '## Transition plans (`npm run bench:transition`)';
const ADMIN = 'admin.hanoi';
const WARDS = DEMO_ACCOUNTS.filter((a) => a.role === 'commune_officer' && a.unitCode.startsWith('HN-HD-'));

const argOf = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number of at least 1`);
  return value;
};
const dossiers = argOf('dossiers', 40);
const rounds = argOf('rounds', 2);
const writeDoc = !process.argv.includes('--no-doc');
const log = (message: string) => process.stderr.write(`[bench:transition] ${message}\n`);

const PLAN = {
  ...REFORM_2025_PLAN,
  // No grant ends: the next round's wards still create dossiers (by default a plan ends every grant it retires).
  grantsEnd: [],
};

interface Timed {
  concurrency: number;
  seconds: number;
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadBefore = os.loadavg();
  const dataDir = mkdtempSync(join(os.tmpdir(), 'hoso-bench-transition-'));
  const stoppers: (() => Promise<unknown>)[] = [];
  try {
    const binaries = await resolveServerBinaries();
    const [temporalPort, ferretPort] = [await findFreePort(), await findFreePort()];
    const [temporal, ferret] = await Promise.all([
      startTemporalDevServer({
        bin: binaries.temporal,
        port: temporalPort,
        searchAttributes: SEARCH_ATTRIBUTE_TYPES,
        dbFile: join(dataDir, 'temporal.db'),
        output: 'silent',
      }),
      startFerretDb({ bin: binaries.ferretdb, port: ferretPort, dataDir: join(dataDir, 'ferretdb'), output: 'silent' }),
    ]);
    stoppers.push(
      () => temporal.stop(),
      () => ferret.stop(),
    );
    process.env.HOSO_TEST_TEMPORAL_ADDRESS = temporal.address;
    process.env.HOSO_TEST_MONGODB_URI = ferret.uri;
    const system = await startSystem();
    stoppers.push(() => system.close());
    const api = await httpApi(system.baseUrl, [...WARDS.map((w) => w.username), ADMIN]);
    const admin = await system.models.User.findById(ADMIN).lean();
    if (!admin) throw new Error(`no user ${ADMIN}`);
    const caller: AuthenticatedUser = { id: admin._id, displayName: admin.displayName, grants: admin.grants };
    const prefix = system.workflowIdOf('x').replace(/dossier:x$/, '');
    const serviceWith = (concurrency: number) =>
      createTransitionService({
        models: system.models,
        temporal: system.temporal,
        processes: system.processes,
        forms: system.forms,
        workflowIdPrefix: prefix,
        concurrency,
      });

    const timed: Timed[] = [];
    // A warm-up round first (not counted: the first updates of a fresh system are slower), then pairs in A B B A
    // order, so that neither concurrency always comes first.
    const order = [
      0,
      ...Array.from({ length: rounds }, (_, r) =>
        r % 2 === 0 ? [1, TRANSFER_CONCURRENCY] : [TRANSFER_CONCURRENCY, 1],
      ).flat(),
    ];
    for (const [i, round] of order.entries()) {
      const warmUp = round === 0;
      const concurrency = warmUp ? 1 : round;
      const count = warmUp ? Math.min(dossiers, 10) : dossiers;
      const name = warmUp ? 'warm-up' : `round ${i}/${order.length - 1}`;
      const bar = createProgressBar(`${name}: ${count} dossiers to the district`, count);
      for (let n = 0; n < count; n++) {
        const ward = WARDS[n % WARDS.length]!;
        const created = await api.post('/api/dossiers', ward.username, {
          processKey: 'housing-support-2024',
          processVersion: 3,
          data: withNewHousehold(proposalIn(ward.unitCode)),
        });
        if (created.status !== 201) throw new Error(`create: HTTP ${created.status} ${JSON.stringify(created.body)}`);
        const sent = await api.post(`/api/dossiers/${created.body.id}/actions`, ward.username, { action: 'submit' });
        if (sent.status !== 200) throw new Error(`submit: HTTP ${sent.status} ${JSON.stringify(sent.body)}`);
        bar.update(n + 1);
      }
      bar.finish();
      const plan = await api.post('/api/admin/transition-plans', ADMIN, { ...PLAN, name: `Bench ${name}` });
      if (plan.status !== 201) throw new Error(`plan: HTTP ${plan.status} ${JSON.stringify(plan.body)}`);
      const t0 = process.hrtime.bigint();
      const report = await serviceWith(concurrency).run(caller, plan.body.id, 'execute');
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const moved = report.entries.filter((e) => e.result === 'moved').length;
      if (moved !== count) throw new Error(`${name} moved ${moved} of ${count}: ${JSON.stringify(report.counts)}`);
      log(`${name}: ${count} moved, ${concurrency} at once, in ${seconds.toFixed(2)} s`);
      if (!warmUp) timed.push({ concurrency, seconds });
    }
    for (const stop of stoppers.reverse()) await stop().catch(() => undefined);
    stoppers.length = 0;

    const mean = (c: number) => {
      const runs = timed.filter((t) => t.concurrency === c);
      return runs.reduce((s, t) => s + t.seconds, 0) / runs.length;
    };
    const [one, many] = [mean(1), mean(TRANSFER_CONCURRENCY)];
    const rate = (s: number) => (dossiers / s).toFixed(1);
    const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
    const markdown = [
      `Reproduce: \`npm run bench:transition -- --dossiers ${dossiers} --rounds ${rounds}\` (${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores; load average before ${load(loadBefore)}, after ${load(os.loadavg())}; the run took ${Math.round((Date.now() - started) / 1000)} s).`,
      '',
      `A plan's execution moving ${dossiers} open dossiers of the 1 July 2025 reform (housing-support-2024@3 at the district's review → housing-support-2025@2's city approval): each a Temporal update to its own workflow, then its attachments' readers. One system in one process (the integration tests' API, worker and models) on a Temporal CLI dev server (SQLite file) and the patched FerretDB; a warm-up round of up to 10 dossiers is not counted, then pairs of rounds go in A B B A order.`,
      '',
      '| Dossiers moved at once | Rounds | Mean time | Dossiers / s |',
      '| --- | --- | --- | --- |',
      `| 1 (before) | ${rounds} | ${one.toFixed(2)} s | ${rate(one)} |`,
      `| ${TRANSFER_CONCURRENCY} (\`TRANSFER_CONCURRENCY\`) | ${rounds} | ${many.toFixed(2)} s | ${rate(many)} |`,
      '',
      `Ratio, measured in this run: ${(one / many).toFixed(2)}× faster with ${TRANSFER_CONCURRENCY} at once. Every round's report was checked to have moved all ${dossiers}.`,
      `Each round: ${timed.map((t) => `${t.concurrency} at once ${t.seconds.toFixed(2)} s`).join('; ')}.`,
    ].join('\n');
    process.stdout.write(`\n${markdown}\n`);
    if (writeDoc) {
      const file = join(repoRoot, 'docs/benchmarks.md');
      const before = existsSync(file) ? await readFile(file, 'utf8') : '# Benchmarks\n';
      await writeFile(file, replaceMarkdownSection(before, heading, markdown));
      process.stdout.write('written to docs/benchmarks.md\n');
    }
  } finally {
    for (const stop of stoppers.reverse()) await stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
