import { connectDatabase } from '../storage/connect-database';
import { createModels } from '../storage/create-models';
import { apiClient } from './lib/api-client';
import { createConsoleLogger } from './lib/create-console-logger';
import { createProgressBar } from './lib/progress-bar';
import { runtimeConfig } from './lib/runtime-config';
import { loadHaDongPlan } from './seed/ha-dong-2024/load-ha-dong-plan';
import { loadHaTinhPlan } from './seed/ha-tinh-2024/load-ha-tinh-plan';
import { loadDemoRegister } from './seed/demo-register/load-demo-register';
import { vietnamDate } from '../domain/time/vietnam-date';
import { loadDinhQuanCampaign } from './seed/dinh-quan-2024/load-dinh-quan-campaign';
import { loadSponsorshipQuotaPlan } from './seed/sponsorship-2024/load-sponsorship-quota-plan';
import { loadDemoInboxes } from './seed/demo-inboxes/load-demo-inboxes';
import { carryOutDemoReform } from './seed/demo-reform/carry-out-demo-reform';
import { HA_NOI_REFORM } from './seed/demo-reform/demo-reforms';
import { openAtRetiredUnits } from './seed/demo-reform/open-at-retired-units';
import { startSeedEraApi } from './lib/start-seed-era-api';

/**
 * `npm run demo:plan` (and `npm run demo`, once the API is up), demo mode only (it signs in with the demo accounts'
 * published password), with a progress bar. Through the served API, which enforces units' validity: today's work in
 * the inboxes (loadDemoInboxes, post-2025 units) and this year's poverty register of Phường Hà Đông. Through this
 * process's own API with validity off (startSeedEraApi), loading the records of the seed era, whose units were in
 * force on the plan's dates: the Hà Đông plan of seed 004 (loadHaDongPlan), Hà Tĩnh's (seed 000), the sponsorship
 * quotas (seed 002) and Định Quán's campaign (seed 003). Then, through the served API again, Hà Nội's administrator
 * carries out the 1 July 2025 reform for the seed era's dossiers still open at retired units (carryOutDemoReform:
 * a transition plan, executed), and the log says how many are left at a retired unit. Safe to run again: what is
 * loaded is skipped.
 */
async function main(): Promise<void> {
  const logger = createConsoleLogger('demo-plan');
  const config = runtimeConfig();
  if (config.mode !== 'demo') throw new Error('the demo plan loads only in demo mode (HOSO_MODE=demo)');
  const baseUrl = process.env.HOSO_API_URL ?? `http://127.0.0.1:${config.port}`;
  const db = await connectDatabase(config.mongodbUri);
  const models = createModels(db);
  const served = apiClient(baseUrl);
  const seedEra = await startSeedEraApi({ config, db, models });
  try {
    // First the inboxes' waiting dossiers (seconds), so that every officer has work before the plan is loaded.
    logger.info('demo inboxes loaded', { ...(await loadDemoInboxes({ api: served, models })) });
    const api = apiClient(seedEra.baseUrl);
    let bar: ReturnType<typeof createProgressBar> | undefined;
    const report = await loadHaDongPlan({
      api,
      models,
      baseUrl: seedEra.baseUrl,
      onProgress: (done, total) => (bar ??= createProgressBar('Kế hoạch Hà Đông 2024', total)).update(done),
    });
    bar?.finish();
    logger.info('demo plan loaded', { ...report });
    logger.info('Hà Tĩnh plan (seed 000)', { plan: await loadHaTinhPlan({ api, models }) });
    const sponsorship = await loadSponsorshipQuotaPlan({ api, models });
    logger.info('Hà Đông sponsorship quotas (seed 002)', { plan: sponsorship });
    // Seed 003's campaign in Định Quán: a few receipts, its plan, two lists and a report (seconds, not minutes).
    logger.info('demo campaign loaded', { ...(await loadDinhQuanCampaign({ api })) });
    await loadDemoRegister({ api: served, year: Number(vietnamDate(new Date()).slice(0, 4)) });
    logger.info('demo poverty register loaded', { unit: 'HN-HADONG' });
    const reform = await carryOutDemoReform({ api: served, models, reform: HA_NOI_REFORM });
    logger.info('Hà Nội 2025 reform carried out for the seed era’s open dossiers', { ...reform });
    const left = await openAtRetiredUnits(models, { day: vietnamDate(new Date()) });
    if (left > 0) logger.warn('seed-era dossiers still open at retired units', { dossiers: left });
  } finally {
    await seedEra.close();
    await db.close();
  }
}

main().catch((error: unknown) => {
  createConsoleLogger('demo-plan').error('demo plan failed', { error: String((error as Error)?.message ?? error) });
  process.exit(1);
});
