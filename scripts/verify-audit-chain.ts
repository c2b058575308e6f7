/**
 * `npm run audit:verify`: walks the audit hash chain (decisions, admin changes, security events) and names the first
 * broken link (see verifyAuditChain), with a progress bar on stderr. Read-only: safe while the system runs. Connects
 * like the worker (MONGODB_URI, else the database `npm start` runs) and reads the anchors from
 * HOSO_AUDIT_ANCHORS_FILE, else HOSO_DATA_DIR/audit-anchors.log.
 *
 * Exit status: 0 intact; 1 a broken link (named on stdout); 2 bad arguments; 3 could not run.
 */
import { createModels } from '../storage/create-models';
import { createAuditChainReader } from '../storage/audit-chain/create-audit-chain-reader';
import { createFileAnchorStore } from '../storage/audit-chain/create-file-anchor-store';
import { verifyAuditChain } from '../storage/audit-chain/verify-audit-chain';
import { connectScriptDatabase } from './lib/connect-script-database';
import { createProgressBar } from './lib/progress-bar';
import { runtimeConfig } from './lib/runtime-config';

const USAGE = 'usage: npm run audit:verify';

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (argv.length > 0) {
    process.stderr.write(`audit:verify: unknown argument '${argv[0]}'\n${USAGE}\n`);
    return 2;
  }
  const config = runtimeConfig();
  const db = await connectScriptDatabase('audit:verify', config.mongodbUri);
  if (!db) return 3;
  try {
    const reader = createAuditChainReader(createModels(db));
    const bar = createProgressBar('audit chain', await reader.countLinks());
    const result = await verifyAuditChain({
      reader,
      anchors: createFileAnchorStore(config.auditAnchorsPath),
      onProgress: (checked) => bar.update(checked),
    });
    if (result.ok) bar.finish();
    else process.stderr.write('\n');
    process.stdout.write(`anchors: ${config.auditAnchorsPath}\n`);
    if (result.ok) {
      process.stdout.write(`Audit chain intact: ${result.checked} link(s) checked.\n`);
      return 0;
    }
    const b = result.firstBroken!;
    process.stdout.write(
      `Audit chain BROKEN after ${result.checked} intact link(s): ${b.problem}` +
        `${b.seq === null ? '' : ` at link ${b.seq}`}${b.collection ? ` (${b.collection} ${b.id})` : ''}\n`,
    );
    return 1;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`audit:verify failed: ${String((error as Error)?.stack ?? error)}\n`);
    process.exit(3);
  },
);
