import type { Models } from '../../../storage/create-models';
import type { DossierViewDoc } from '../../../storage/dossier-view-schema';
import { dropCollection } from '../../../storage/drop-collection';
import { addAtPath } from '../../../read-model/sla/add-at-path';
import { openBucketOf } from '../../../read-model/sla/open-bucket-of';
import { openUnitsOf } from '../../../read-model/sla/open-units-of';
import { slaCounterContributions } from '../../../read-model/sla/sla-counter-contributions';
import { createProgressBar } from '../../lib/progress-bar';
import {
  communeCode,
  COMMUNES_PER_PROVINCE,
  createRandom,
  provinceCode,
  PROVINCES,
  syntheticDossier,
  treasuryCode,
} from './synthetic-dossier';

const BATCH = 2000;

/**
 * Fills an empty database with `count` synthetic dossiers (see syntheticDossier), their units, and the SLA counters
 * the projection would have maintained for them (accumulated while generating, then written), with a progress bar.
 * Indexes are built after the documents, which is faster than maintaining them on every insert.
 */
export async function seedSyntheticReadModel(models: Models, count: number, now: number): Promise<void> {
  const units = [];
  for (let p = 0; p < PROVINCES; p++) {
    units.push({
      _id: provinceCode(p),
      name: `Tỉnh ${p + 1}`,
      level: 'province',
      parentCode: null,
      effectiveFrom: '2025-07-01',
      effectiveTo: null,
      successorCode: null,
    });
    units.push({
      _id: treasuryCode(p),
      name: `Kho bạc tỉnh ${p + 1}`,
      level: 'province',
      parentCode: null,
      effectiveFrom: '2025-07-01',
      effectiveTo: null,
      successorCode: null,
    });
    for (let c = 0; c < COMMUNES_PER_PROVINCE; c++) {
      units.push({
        _id: communeCode(p, c),
        name: `Xã ${c + 1}`,
        level: 'commune',
        parentCode: provinceCode(p),
        effectiveFrom: '2025-07-01',
        effectiveTo: null,
        successorCode: null,
      });
    }
  }
  await models.Unit.collection.insertMany(units as never[], { ordered: false });

  const bar = createProgressBar('seeding dossiers', count);
  await generate(count, now, async (docs, done) => {
    await models.DossierView.collection.insertMany(docs as never[], { ordered: false });
    bar.update(done);
  });
  bar.finish();
  await writeSyntheticCounters(models, count, now);
  for (const model of [models.DossierView, models.Unit, models.User, models.Session]) {
    const started = Date.now();
    process.stderr.write(
      `building the ${model.schema.indexes().length} indexes of ${model.collection.collectionName}… `,
    );
    await model.createIndexes();
    process.stderr.write(`${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  }
}

/** The dossiers of the synthetic read model, in batches, as the projection would have written them. */
async function generate(
  count: number,
  now: number,
  batch: (docs: DossierViewDoc[], done: number) => Promise<void>,
): Promise<void> {
  const random = createRandom(20251203);
  for (let i = 0; i < count; i += BATCH) {
    const docs: DossierViewDoc[] = [];
    for (let j = i; j < Math.min(count, i + BATCH); j++) {
      const d = syntheticDossier(j, random, now);
      Object.assign(d, openUnitsOf(d.currentStep !== null, { province: d.unitChain[1], commune: d.unitChain[0] }));
      d.openBucket = openBucketOf(d, new Date(now));
      docs.push(d);
    }
    await batch(docs, Math.min(count, i + BATCH));
  }
}

/**
 * Replaces the SLA counters with those the projection would have maintained for the synthetic dossiers seeded at
 * `now` (regenerated in memory: the generator is deterministic), so a change of the counters' layout needs no new
 * seeding of the dossiers.
 */
export async function writeSyntheticCounters(models: Models, count: number, now: number): Promise<void> {
  const counters = new Map<string, Record<string, unknown>>();
  await generate(count, now, async (docs) => {
    for (const d of docs) {
      for (const c of slaCounterContributions(d)) {
        const row = counters.get(c.id) ?? ({ _id: c.id, ...c.key } as Record<string, unknown>);
        addAtPath(row, c.path, 1);
        counters.set(c.id, row);
      }
    }
  });
  await dropCollection(models.SlaCounter);
  const rows = [...counters.values()];
  for (let i = 0; i < rows.length; i += BATCH)
    await models.SlaCounter.collection.insertMany(rows.slice(i, i + BATCH) as never[], { ordered: false });
  await models.SlaCounter.createIndexes();
  process.stderr.write(`wrote ${rows.length.toLocaleString('en')} counter documents\n`);
}
