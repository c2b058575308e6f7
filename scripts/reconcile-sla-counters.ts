/**
 * `npm run sla:reconcile [-- [--check] [--settle-seconds N]]`: compares the SLA counters (`sla_counters`) with a
 * recount from the read model and repairs the counts that drifted (see reconcileSlaCounters), safe while the worker
 * and the API run. Connects like the worker: MONGODB_URI, else the database `npm start` runs.
 *
 *   --check               only report; exit 1 when a count drifted
 *   --settle-seconds N    seconds between the two recounts (default 2)
 *
 * Exit status: 0 clean or repaired; 1 drift found with --check; 2 bad arguments; 3 could not run (database
 * unreachable, another process reconciling).
 */
import { createModels } from '../storage/create-models';
import type { SlaCounterDrift } from '../read-model/sla/diff-sla-counters';
import { reconcileSlaCounters } from '../read-model/sla/reconcile-sla-counters';
import { createConsoleLogger } from './lib/create-console-logger';
import { connectScriptDatabase } from './lib/connect-script-database';
import { createProgressBar } from './lib/progress-bar';
import { runtimeConfig } from './lib/runtime-config';

const USAGE = 'usage: npm run sla:reconcile [-- [--check] [--settle-seconds N]]';

/** The command line, or an error message naming the bad argument. */
function parseArgs(args: string[]): { check: boolean; settleMs: number } | string {
  let check = false;
  let settleMs = 2_000;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--check') check = true;
    else if (arg === '--settle-seconds' || arg.startsWith('--settle-seconds=')) {
      const raw = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[(i += 1)];
      const seconds = Number(raw);
      if (raw === undefined || raw.trim() === '' || !Number.isFinite(seconds) || seconds < 0 || seconds > 600) {
        return `--settle-seconds takes a number of seconds from 0 to 600, got ${raw === undefined ? 'nothing' : `'${raw}'`}`;
      }
      settleMs = seconds * 1000;
    } else return `unknown argument '${arg}'`;
  }
  return { check, settleMs };
}

const describe = (d: SlaCounterDrift) => `  ${d.id}  ${d.path}: stored ${d.stored}, recounted ${d.recounted}`;

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`sla:reconcile: ${args}\n${USAGE}\n`);
    return 2;
  }
  const config = runtimeConfig();
  const db = await connectScriptDatabase('sla:reconcile', config.mongodbUri);
  if (!db) return 3;
  try {
    const models = createModels(db);
    const total = await models.DossierView.estimatedDocumentCount();
    let bar: { pass: number; read: number; update(done: number): void; finish(): void } | undefined;
    const finishBar = () => {
      bar?.update(bar.read);
      bar?.finish();
      bar = undefined;
    };
    const report = await reconcileSlaCounters({
      models,
      logger: createConsoleLogger('sla-reconcile'),
      repair: !args.check,
      settleMs: args.settleMs,
      onProgress: (pass, read) => {
        if (bar?.pass !== pass) {
          finishBar();
          bar = { pass, read, ...createProgressBar(`recount ${pass}/2`, Math.max(total, read)) };
        }
        bar.read = read;
        bar.update(read);
      },
    });
    finishBar();
    const out: string[] = [];
    if (report.outcome === 'busy') {
      process.stderr.write(
        'sla:reconcile: another process is reconciling the SLA counters now; try again in a few minutes\n',
      );
      return 3;
    }
    out.push(`SLA counters: ${report.dossiers} dossiers recounted.`);
    if (report.repaired.length > 0)
      out.push(`Repaired ${report.repaired.length} count(s):`, ...report.repaired.map(describe));
    else if (report.drifts.length > 0) {
      out.push(
        `${report.drifts.length} count(s) differ from the recount (not repaired: --check):`,
        ...report.drifts.map(describe),
      );
    } else out.push('Every count equals the recount.');
    if (report.transient.length > 0) {
      out.push(
        `${report.transient.length} difference(s) left alone as transient (dossiers moving while counted; rerun to check):`,
        ...report.transient.map(describe),
      );
    }
    process.stdout.write(`${out.join('\n')}\n`);
    return report.outcome === 'drift' ? 1 : 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`sla:reconcile failed: ${String((error as Error)?.stack ?? error)}\n`);
    process.exit(3);
  },
);
