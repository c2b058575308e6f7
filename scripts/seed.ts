import { checkAtomicWrites } from '../storage/check-atomic-writes';
import { connectDatabase } from '../storage/connect-database';
import { createModels, syncIndexes } from '../storage/create-models';
import { runReadModelMigrations } from '../read-model/run-read-model-migrations';
import { createFormRegistry } from '../api/registry/create-form-registry';
import { createProcessRegistry } from '../api/registry/create-process-registry';
import { createConsoleLogger } from './lib/create-console-logger';
import { runtimeConfig } from './lib/runtime-config';
import { seedDemoData } from './seed/seed-demo-data';

/**
 * Checks that the database keeps concurrent updates (refusing to go on when it does not), builds indexes, seeds demo
 * data and gives older read-model documents their search field (all idempotent); run by
 * `npm start` before the API starts.
 */
async function main(): Promise<void> {
  const logger = createConsoleLogger('seed');
  const db = await connectDatabase(runtimeConfig().mongodbUri);
  try {
    await checkAtomicWrites(db);
    const models = createModels(db);
    await syncIndexes(models);
    const forms = createFormRegistry({ models });
    const processes = createProcessRegistry({ models, publishedForms: () => forms.publishedRefs() });
    const report = await seedDemoData({ models, forms, processes });
    const migrations = await runReadModelMigrations(models);
    logger.info('seed done', { ...report, migrations });
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  createConsoleLogger('seed').error('seed failed', { error: String((error as Error)?.stack ?? error) });
  process.exit(1);
});
