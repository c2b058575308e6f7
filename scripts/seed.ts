import { connectDatabase } from '../activities/db/connect-database';
import { createModels, syncIndexes } from '../activities/db/create-models';
import { createFormRegistry } from '../api/registry/create-form-registry';
import { createProcessRegistry } from '../api/registry/create-process-registry';
import { createConsoleLogger } from './lib/create-console-logger';
import { runtimeConfig } from './lib/runtime-config';
import { seedDemoData } from './seed/seed-demo-data';

/** Builds indexes and seeds demo data (idempotent); run by `npm start` before the API starts. */
async function main(): Promise<void> {
  const logger = createConsoleLogger('seed');
  const db = await connectDatabase(runtimeConfig().mongodbUri);
  try {
    const models = createModels(db);
    await syncIndexes(models);
    const forms = createFormRegistry({ models });
    const processes = createProcessRegistry({ models, publishedForms: () => forms.publishedRefs() });
    const report = await seedDemoData({ models, forms, processes });
    logger.info('seed done', { ...report });
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  createConsoleLogger('seed').error('seed failed', { error: String((error as Error)?.stack ?? error) });
  process.exit(1);
});
