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

/**
 * `npm run demo:plan` (and `npm run demo`, once the API is up): fills the inboxes with dossiers waiting at each level
 * (loadDemoInboxes), then loads the Hà Đông plan of seed 004 into the running
 * demo through its API (loadHaDongPlan), with a progress bar. Demo mode only: it signs in with the demo accounts'
 * published password. Safe to run again: what is loaded is skipped.
 */
async function main(): Promise<void> {
  const logger = createConsoleLogger('demo-plan');
  const config = runtimeConfig();
  if (config.mode !== 'demo') throw new Error('the demo plan loads only in demo mode (HOSO_MODE=demo)');
  const baseUrl = process.env.HOSO_API_URL ?? `http://127.0.0.1:${config.port}`;
  const db = await connectDatabase(config.mongodbUri);
  try {
    // First the inboxes' waiting dossiers (seconds), so that every officer has work before the plan is loaded.
    const inboxes = await loadDemoInboxes({ api: apiClient(baseUrl), models: createModels(db) });
    logger.info('demo inboxes loaded', { ...inboxes });
    let bar: ReturnType<typeof createProgressBar> | undefined;
    const report = await loadHaDongPlan({
      api: apiClient(baseUrl),
      models: createModels(db),
      baseUrl,
      onProgress: (done, total) => (bar ??= createProgressBar('Kế hoạch Hà Đông 2024', total)).update(done),
    });
    bar?.finish();
    logger.info('demo plan loaded', { ...report });
    const api = apiClient(baseUrl);
    logger.info('Hà Tĩnh plan (seed 000)', { plan: await loadHaTinhPlan({ api, models: createModels(db) }) });
    const sponsorship = await loadSponsorshipQuotaPlan({ api, models: createModels(db) });
    logger.info('Hà Đông sponsorship quotas (seed 002)', { plan: sponsorship });
    await loadDemoRegister({ api, year: Number(vietnamDate(new Date()).slice(0, 4)) });
    logger.info('demo poverty register loaded', { unit: 'HN-HADONG' });
    // Seed 003's campaign in Định Quán: a few receipts, its plan, two lists and a report (seconds, not minutes).
    logger.info('demo campaign loaded', { ...(await loadDinhQuanCampaign({ api })) });
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  createConsoleLogger('demo-plan').error('demo plan failed', { error: String((error as Error)?.message ?? error) });
  process.exit(1);
});
