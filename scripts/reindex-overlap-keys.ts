/**
 * `npm run overlap:reindex`: adds every dossier to the overlap index (docs/overlap-checks.md): those created before
 * the index existed, an entry lost to a crash between a dossier's start and its indexing, or all of them after the
 * overlap key (HOSO_OVERLAP_KEY or `<HOSO_DATA_DIR>/overlap-key`) changed. Idempotent, safe while the API runs.
 * Connects like the worker: MONGODB_URI, else the database `npm start` runs.
 *
 * Exit status: 0 done; 3 could not run (database unreachable).
 */
import { createModels } from '../storage/create-models';
import { createFormRegistry } from '../api/registry/create-form-registry';
import { createOverlapChecker } from '../api/overlap/create-overlap-checker';
import { loadOverlapKey } from '../api/overlap/load-overlap-key';
import { createOverlapRulesStore } from '../api/overlap/overlap-rules-store';
import { reindexOverlapKeys } from '../api/overlap/reindex-overlap-keys';
import { connectScriptDatabase } from './lib/connect-script-database';
import { runtimeConfig } from './lib/runtime-config';

async function main(): Promise<number> {
  const config = runtimeConfig();
  const key = loadOverlapKey({ env: process.env, dataDir: config.dataDir });
  const db = await connectScriptDatabase('overlap:reindex', config.mongodbUri);
  if (!db) return 3;
  try {
    const models = createModels(db);
    await models.OverlapKey.createIndexes();
    const report = await reindexOverlapKeys({
      models,
      forms: createFormRegistry({ models }),
      overlaps: createOverlapChecker({ models, key, rules: createOverlapRulesStore(models) }),
    });
    process.stdout.write(
      `Overlap index: ${report.dossiers} dossiers read, ${report.indexed} with citizen ids indexed.\n`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`overlap:reindex failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(3);
  },
);
