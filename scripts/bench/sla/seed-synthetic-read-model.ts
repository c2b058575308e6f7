import type { Models } from '../../../activities/db/create-models';
import type { DossierViewDoc } from '../../../activities/db/dossier-view-schema';
import { addAtPath } from '../../../activities/sla/add-at-path';
import { openBucketOf } from '../../../activities/sla/open-bucket-of';
import { openUnitsOf } from '../../../activities/sla/open-units-of';
import { slaCounterContributions } from '../../../activities/sla/sla-counter-contributions';
import { createProgressBar } from '../../lib/progress-bar';
import { communeCode, COMMUNES_PER_PROVINCE, createRandom, provinceCode, PROVINCES, syntheticDossier, treasuryCode } from './synthetic-dossier';

const BATCH = 2000;

/**
 * Fills an empty database with `count` synthetic dossiers (see syntheticDossier), their units, and the SLA counters
 * the projection would have maintained for them (accumulated while generating, then written), with a progress bar.
 * Indexes are built after the documents, which is faster than maintaining them on every insert.
 */
export async function seedSyntheticReadModel(models: Models, count: number, now: number): Promise<void> {
  const units = [];
  for (let p = 0; p < PROVINCES; p++) {
    units.push({ _id: provinceCode(p), name: `Tỉnh ${p + 1}`, level: 'province', parentCode: null, effectiveFrom: '2025-07-01', effectiveTo: null, successorCode: null });
    units.push({ _id: treasuryCode(p), name: `Kho bạc tỉnh ${p + 1}`, level: 'province', parentCode: null, effectiveFrom: '2025-07-01', effectiveTo: null, successorCode: null });
    for (let c = 0; c < COMMUNES_PER_PROVINCE; c++) {
      units.push({ _id: communeCode(p, c), name: `Xã ${c + 1}`, level: 'commune', parentCode: provinceCode(p), effectiveFrom: '2025-07-01', effectiveTo: null, successorCode: null });
    }
  }
  await models.Unit.collection.insertMany(units as never[], { ordered: false });

  const random = createRandom(20251203);
  const counters = new Map<string, Record<string, unknown>>();
  const bar = createProgressBar('seeding dossiers', count);
  for (let i = 0; i < count; i += BATCH) {
    const docs: DossierViewDoc[] = [];
    for (let j = i; j < Math.min(count, i + BATCH); j++) {
      const d = syntheticDossier(j, random, now);
      const open = d.currentStep !== null;
      Object.assign(d, openUnitsOf(open, { province: d.unitChain[1], commune: d.unitChain[0] }));
      d.openBucket = openBucketOf(d, new Date(now));
      for (const c of slaCounterContributions(d)) {
        const row = counters.get(c.id) ?? ({ _id: c.id, ...c.key } as Record<string, unknown>);
        addAtPath(row, c.path, 1);
        counters.set(c.id, row);
      }
      docs.push(d);
    }
    await models.DossierView.collection.insertMany(docs as never[], { ordered: false });
    bar.update(Math.min(count, i + BATCH));
  }
  bar.finish();
  const rows = [...counters.values()];
  for (let i = 0; i < rows.length; i += BATCH) await models.SlaCounter.collection.insertMany(rows.slice(i, i + BATCH) as never[], { ordered: false });
  process.stderr.write(`wrote ${rows.length.toLocaleString('en')} counter documents; building indexes…\n`);
  const started = Date.now();
  for (const model of [models.DossierView, models.SlaCounter, models.Unit, models.User, models.Session]) await model.createIndexes();
  process.stderr.write(`indexes built in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}
