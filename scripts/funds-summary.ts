/**
 * `npm run funds:summary -- --unit HN-HD --from 2025-01-01 --to 2025-12-31 [--below]`: the fund summary of
 * GET /api/funds/summary ([funds.md](../docs/funds.md#summary)) printed as a table, straight from the database (no
 * sign-in: whoever can reach the database can read the ledgers anyway). Connects like the worker: MONGODB_URI, else
 * the database `npm start` runs. `--json` prints the API's answer instead of the table.
 *
 * Exit status: 0 printed; 2 bad arguments (or `to` before `from`); 3 the database cannot be reached; 4 unknown unit.
 */
import { createFundSummary } from '../api/funds/create-fund-summary';
import { summaryPeriod } from '../api/funds/summary-period';
import { dateParameter } from '../api/openapi/api-parameter';
import { NotFoundError, ValidationError } from '../api/errors';
import { customFormats } from '../forms/custom-formats';
import { createModels } from '../storage/create-models';
import { fundSummaryTable } from './funds/fund-summary-table';
import { connectScriptDatabase } from './lib/connect-script-database';
import { runtimeConfig } from './lib/runtime-config';

const USAGE = 'usage: npm run funds:summary -- --unit CODE --from YYYY-MM-DD --to YYYY-MM-DD [--below] [--json]';
const DATE = new RegExp(dateParameter('').pattern!);

interface Args {
  unit: string;
  from: string;
  to: string;
  below: boolean;
  json: boolean;
}

/** The command line, or an error message naming the bad argument. */
function parseArgs(argv: string[]): Args | string {
  const values: Record<string, string> = {};
  let below = false;
  let json = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--below') below = true;
    else if (arg === '--json') json = true;
    else if (arg === '--unit' || arg === '--from' || arg === '--to') {
      const value = argv[(i += 1)];
      if (value === undefined) return `${arg} needs a value`;
      values[arg.slice(2)] = value;
    } else return `unknown argument '${arg}'`;
  }
  const { unit, from, to } = values;
  if (!unit || !customFormats['unit-code'].test(unit)) return `--unit takes a unit code such as HN-HD`;
  if (!from || !DATE.test(from)) return `--from takes a date YYYY-MM-DD from 2000-01-01 to 2099-12-31`;
  if (!to || !DATE.test(to)) return `--to takes a date YYYY-MM-DD from 2000-01-01 to 2099-12-31`;
  return { unit, from, to, below, json };
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const args = parseArgs(argv);
  let period;
  try {
    if (typeof args === 'string') throw new Error(args);
    period = summaryPeriod(args.from, args.to);
  } catch (error) {
    const message = error instanceof ValidationError ? '--to must not be before --from' : (error as Error).message;
    process.stderr.write(`funds:summary: ${message}\n${USAGE}\n`);
    return 2;
  }
  const { unit, below, json } = args as Args;
  const db = await connectScriptDatabase('funds:summary', runtimeConfig().mongodbUri);
  if (!db) return 3;
  try {
    const summary = await createFundSummary({ models: createModels(db) }).summarize({
      unit,
      includeBelow: below,
      period,
    });
    process.stdout.write(`${json ? JSON.stringify(summary, null, 2) : fundSummaryTable(summary)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    process.stderr.write(`funds:summary: no unit ${unit}\n`);
    return 4;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`funds:summary failed: ${String((error as Error)?.stack ?? error)}\n`);
    process.exit(3);
  },
);
