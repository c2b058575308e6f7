import type { Models } from '../../storage/create-models';
import { definitionRef, type ProcessDefinition } from '../../domain/process/process-definition';
import { NotFoundError, ValidationError } from '../errors';
import { checkProcessDefinition } from '../../domain/process/check-process-definition';
import { canonicalDigest } from './canonical-digest';
import { publishImmutable } from './publish-immutable';
import type { ProcessSummary } from '../../api-contract';
import { offeredDates, type OfferedDates } from '../../domain/process/offered-dates';

export interface ProcessRegistry {
  /** A published version, or the latest when `version` is omitted. 404 when none. */
  get(key: string, version?: number): Promise<ProcessDefinition>;
  list(): Promise<ProcessSummary[]>;
  /**
   * Publishes a definition after checking it (422 with each problem). Published versions are immutable: the same
   * content again is a no-op (`created: false`), different content under an existing key@version is 409
   * `version_published`, also between concurrent publications (see publishImmutable).
   */
  publish(definition: unknown, publishedBy: string): Promise<{ ref: string; created: boolean }>;
  /**
   * The dates new dossiers may start on `key@version`: its own, narrowed by a transition plan (offeredDates). Read
   * afresh each time (a plan may narrow them while the definition stays cached). 404 when not published.
   */
  offered(key: string, version: number): Promise<OfferedDates>;
  /**
   * Narrows the offered dates of `key@version` as a transition plan decides (idempotent: the same dates again change
   * nothing). Returns the offered dates before and after.
   */
  narrowOffer(
    key: string,
    version: number,
    dates: OfferedDates,
    planId: string,
  ): Promise<{ before: OfferedDates; after: OfferedDates }>;
}

/** Published definitions never change, so each is cached in memory once read. */
export function createProcessRegistry(deps: {
  models: Models;
  publishedForms: () => Promise<Set<string>>;
}): ProcessRegistry {
  const { ProcessDefinition: Definitions } = deps.models;
  const cache = new Map<string, ProcessDefinition>();
  return {
    async get(key, version) {
      if (version !== undefined) {
        const id = definitionRef(key, version);
        const cached = cache.get(id);
        if (cached) return cached;
        const doc = await Definitions.findById(id).lean();
        if (!doc) throw new NotFoundError(`process ${id}`);
        cache.set(id, doc.definition);
        return doc.definition;
      }
      const latest = await Definitions.findOne({ key }).sort({ version: -1 }).lean();
      if (!latest) throw new NotFoundError(`process ${key}`);
      return latest.definition;
    },
    async list() {
      const docs = await Definitions.find({}, { key: 1, version: 1, definition: 1, offered: 1 })
        .sort({ key: 1, version: -1 })
        .lean();
      const byKey = new Map<string, ProcessSummary>();
      for (const doc of docs) {
        const existing = byKey.get(doc.key);
        if (existing) existing.versions.push(doc.version);
        else {
          const d = doc.definition;
          byKey.set(doc.key, {
            key: d.key,
            version: d.version,
            title: d.title,
            programme: d.programme,
            ...offeredDates(d, doc.offered),
            versions: [doc.version],
          });
        }
      }
      return [...byKey.values()];
    },
    async offered(key, version) {
      const doc = await Definitions.findById(definitionRef(key, version), { definition: 1, offered: 1 }).lean();
      if (!doc) throw new NotFoundError(`process ${definitionRef(key, version)}`);
      return offeredDates(doc.definition, doc.offered);
    },
    async narrowOffer(key, version, dates, planId) {
      const id = definitionRef(key, version);
      const doc = await Definitions.findById(id, { definition: 1, offered: 1 }).lean();
      if (!doc) throw new NotFoundError(`process ${id}`);
      const before = offeredDates(doc.definition, doc.offered);
      const after = offeredDates(before, dates);
      if (after.effectiveFrom !== before.effectiveFrom || after.effectiveTo !== before.effectiveTo) {
        await Definitions.updateOne({ _id: id }, { $set: { offered: { ...after, planId } } });
      }
      return { before, after };
    },
    async publish(candidate, publishedBy) {
      const problems = checkProcessDefinition(candidate, await deps.publishedForms());
      if (problems.length > 0) {
        throw new ValidationError(
          problems.map((p) => ({ path: p.path, keyword: 'definition', message: { vi: p.message, en: p.message } })),
          { vi: 'Định nghĩa quy trình không hợp lệ', en: 'Invalid process definition' },
        );
      }
      const definition = candidate as ProcessDefinition;
      const id = definitionRef(definition.key, definition.version);
      const digest = canonicalDigest(definition);
      return publishImmutable({
        ref: id,
        digest,
        what: { vi: 'Quy trình', en: 'process' },
        stored: () => Definitions.findById(id, { digest: 1 }).lean(),
        insert: () =>
          Definitions.create({
            _id: id,
            key: definition.key,
            version: definition.version,
            programme: definition.programme,
            definition,
            digest,
            publishedAt: new Date(),
            publishedBy,
          }),
      });
    },
  };
}
