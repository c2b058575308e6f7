import type { Models } from '../storage/create-models';
import { backfillSearchText } from './search/backfill-search-text';
import { backfillOpenFields } from './sla/backfill-open-fields';
import { rebuildSlaCounters } from './sla/rebuild-sla-counters';

/**
 * The read-model migrations, in order; each is recorded in `settings` once done, so a start after it reads nothing
 * (each would otherwise scan the whole read model). Each is idempotent, so one interrupted half-way is simply rerun.
 */
const MIGRATIONS: { id: string; run: (models: Models) => Promise<unknown> }[] = [
  { id: 'read-model:search-text', run: backfillSearchText },
  { id: 'read-model:open-fields', run: backfillOpenFields },
  { id: 'read-model:sla-counters', run: (models) => rebuildSlaCounters(models) },
];

/** Runs the migrations not yet recorded; returns what each that ran reported. */
export async function runReadModelMigrations(models: Models): Promise<Record<string, unknown>> {
  const report: Record<string, unknown> = {};
  for (const m of MIGRATIONS) {
    const done = await models.Setting.findById(`migration:${m.id}`, { _id: 1 }).lean();
    if (done) continue;
    report[m.id] = await m.run(models);
    await models.Setting.updateOne(
      { _id: `migration:${m.id}` },
      { $setOnInsert: { value: 'done', createdAt: new Date() } },
      { upsert: true },
    );
  }
  return report;
}
