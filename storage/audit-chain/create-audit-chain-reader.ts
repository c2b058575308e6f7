import type { Models } from '../create-models';
import type { AuditChainReader } from './audit-chain-reader';
import { AUDIT_SOURCES, type AuditSource } from './audit-sources';

const sourceNamed = (name: string): AuditSource => {
  const source = AUDIT_SOURCES.find((s) => s.name === name);
  if (!source) throw new RangeError(`not an audited collection: ${name}`);
  return source;
};

/** The verifier's reads from the database: links by `_id`, records through the driver (exactly as stored). */
export function createAuditChainReader(models: Models): AuditChainReader {
  return {
    countLinks: () => models.AuditLink.estimatedDocumentCount(),
    linksAfter: (seq, limit) =>
      models.AuditLink.find({ _id: { $gt: seq } })
        .sort({ _id: 1 })
        .limit(limit)
        .lean<never>(),
    async records(name, ids) {
      const docs = await sourceNamed(name)
        .collection(models)
        .find({ _id: { $in: ids } } as never)
        .toArray();
      return new Map(docs.map((d) => [String(d._id), d]));
    },
    async *idsDue(name, sealedBy, notAfter) {
      const source = sourceNamed(name);
      const field = source.timeField;
      const cursor = source
        .collection(models)
        .find(
          { $or: [{ [field]: { $lte: sealedBy } }, { [field]: { $gt: notAfter } }, { [field]: { $exists: false } }] },
          { projection: { _id: 1 } },
        );
      for await (const doc of cursor) yield String(doc._id);
    },
  };
}
