import { checkAtomicWrites } from '../storage/check-atomic-writes';
import { connectDatabase } from '../storage/connect-database';
import { createModels, syncIndexes } from '../storage/create-models';
import { runReadModelMigrations } from '../read-model/run-read-model-migrations';
import { createFormRegistry } from '../api/registry/create-form-registry';
import { createProcessRegistry } from '../api/registry/create-process-registry';
import { createConsoleLogger } from './lib/create-console-logger';
import { runtimeConfig } from './lib/runtime-config';
import { vietnamToday } from '../api/units/parse-unit-query';
import { ensureFirstAdmin } from './seed/ensure-first-admin';
import { FirstAdminConfigError, SEED_REFUSED_EXIT_CODE } from './seed/first-admin-config';
import { publishShippedDefinitions } from './seed/publish-shipped-definitions';
import { seedDemoData } from './seed/seed-demo-data';

/**
 * Checks that the database keeps concurrent updates (refusing to go on when it does not), builds indexes, publishes
 * the shipped forms and processes, then in demo mode seeds the demo units and accounts, in production makes sure an
 * administrator exists (creating the first from HOSO_ADMIN_*), and gives older read-model documents their search
 * field (all idempotent); run by the launcher before the API starts. A refused configuration is logged as
 * "seed refused" with its reason and exits with SEED_REFUSED_EXIT_CODE.
 */
async function main(): Promise<void> {
  const logger = createConsoleLogger('seed');
  const config = runtimeConfig();
  const db = await connectDatabase(config.mongodbUri);
  try {
    await checkAtomicWrites(db);
    const models = createModels(db);
    await syncIndexes(models);
    const forms = createFormRegistry({ models });
    const processes = createProcessRegistry({ models, publishedForms: () => forms.publishedRefs() });
    const report =
      config.mode === 'demo'
        ? await seedDemoData({ models, forms, processes })
        : {
            ...(await publishShippedDefinitions({ forms, processes })),
            firstAdmin: await ensureFirstAdmin({ models, env: process.env, today: vietnamToday() }),
          };
    const migrations = await runReadModelMigrations(models);
    logger.info('seed done', { mode: config.mode, ...report, migrations });
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof FirstAdminConfigError) {
    createConsoleLogger('seed').error('seed refused', { reason: error.message });
    process.exit(SEED_REFUSED_EXIT_CODE);
  }
  createConsoleLogger('seed').error('seed failed', { error: String((error as Error)?.stack ?? error) });
  process.exit(1);
});
