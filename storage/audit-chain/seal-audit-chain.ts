import type { AuditLinkDoc } from '../audit-link-schema';
import type { Models } from '../create-models';
import { isDuplicateKeyError } from '../is-duplicate-key-error';
import type { AuditAnchor, AuditAnchorStore } from './audit-anchor-store';
import { AUDIT_SOURCES, type AuditSource } from './audit-sources';
import { GENESIS_HASH, linkHash, sourceDigest } from './link-hash';

export interface SealAuditChainDeps {
  models: Models;
  anchors: AuditAnchorStore;
  logger: {
    info(message: string, meta?: Record<string, unknown>): void;
    warn(message: string, meta?: Record<string, unknown>): void;
  };
  now?: () => Date;
  /** Records inserted less than this ago wait for the next run (writes still landing); default 2 s. */
  lagMs?: number;
  /**
   * How far back before the newest chained record of a collection to look again for records that landed late (an
   * insert slower than the lag, or clocks of two writers apart); default 2 minutes.
   */
  overlapMs?: number;
  /** At most this many links per run; default 1,000 (the next run continues). */
  batchSize?: number;
  /** Anchor the head once this many links were appended since the last anchor; default 100. */
  anchorEveryLinks?: number;
  /** …or once the last anchor is this old and links were appended since; default 5 minutes. */
  anchorEveryMs?: number;
  /** The last anchor written, remembered between runs by the caller (read from the store when absent). */
  lastAnchor?: AuditAnchor | null;
}

export interface SealReport {
  sealed: number;
  headSeq: number;
  /** The anchor written by this run, if any. */
  anchored: AuditAnchor | null;
  /** The last anchor after this run (pass it to the next run). */
  lastAnchor: AuditAnchor | null;
  /** True when another sealer appended first (a lease lost): nothing of this run was kept. */
  raced: boolean;
}

interface Candidate {
  source: AuditSource['name'];
  id: string;
  at: Date;
}

/**
 * Appends one link per record of the audited collections (AUDIT_SOURCES) not chained yet, oldest insertion first, to
 * the chain in `audit_chain`; then writes an anchor when one is due. Writers keep inserting as before: the sealer
 * reads them afterwards, so no request waits for the chain. Run by one process at a time (see createAuditSealer);
 * if two ever run at once, the unique seq (`_id`) and the unique (collection, id) index let only the first append
 * a position or a record, and the other run stops with `raced`. A record inserted by hand with an old date, or whose
 * insert landed later than `overlapMs`, is never chained: verification reports it as `unchained`. Database and
 * anchor-file errors reject; links appended before the error are kept, and the anchor is written by the next run.
 */
export async function sealAuditChain(deps: SealAuditChainDeps): Promise<SealReport> {
  const { models } = deps;
  const now = (deps.now ?? (() => new Date()))();
  const cutoff = new Date(now.getTime() - (deps.lagMs ?? 2_000));
  const batchSize = deps.batchSize ?? 1_000;
  const head = await models.AuditLink.findOne({}, { _id: 1, hash: 1 }).sort({ _id: -1 }).lean();
  let seq = head?._id ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;

  const candidates: Candidate[] = [];
  for (const source of AUDIT_SOURCES) candidates.push(...(await unchainedOf(deps, source, cutoff, batchSize)));
  candidates.sort((a, b) => a.at.getTime() - b.at.getTime() || cmp(a.source, b.source) || cmp(a.id, b.id));
  const chosen = candidates.slice(0, batchSize);

  const docs = new Map<string, object>();
  for (const source of AUDIT_SOURCES) {
    const ids = chosen.filter((c) => c.source === source.name).map((c) => c.id);
    if (ids.length === 0) continue;
    const found = await source
      .collection(models)
      .find({ _id: { $in: ids } } as never)
      .toArray();
    for (const d of found) docs.set(`${source.name}/${String(d._id)}`, d);
  }
  const links: AuditLinkDoc[] = [];
  for (const c of chosen) {
    const doc = docs.get(`${c.source}/${c.id}`);
    if (!doc) continue; // deleted between the two reads: left to the verifier, which finds it nowhere
    seq += 1;
    const link = {
      _id: seq,
      source: c.source,
      sourceId: c.id,
      sourceAt: c.at,
      digest: sourceDigest(doc),
      prevHash,
      sealedAt: now,
    };
    prevHash = linkHash(link);
    links.push({ ...link, hash: prevHash });
  }
  let raced = false;
  if (links.length > 0) {
    try {
      await models.AuditLink.collection.insertMany(links as never[], { ordered: true });
    } catch (error) {
      if (!isDuplicateKeyError(error) && !isDuplicateKeyError((error as { writeErrors?: unknown[] }).writeErrors?.[0]))
        throw error;
      raced = true;
      deps.logger.warn('audit chain: another sealer appended first; this run stops', { seq: links[0]!._id });
    }
  }
  const headSeq = raced ? seq - links.length : seq;
  let lastAnchor = deps.lastAnchor === undefined ? ((await deps.anchors.readAll()).at(-1) ?? null) : deps.lastAnchor;
  let anchored: AuditAnchor | null = null;
  if (!raced && headSeq > (lastAnchor?.seq ?? 0)) {
    const due =
      !lastAnchor ||
      headSeq - lastAnchor.seq >= (deps.anchorEveryLinks ?? 100) ||
      now.getTime() - Date.parse(lastAnchor.at) >= (deps.anchorEveryMs ?? 5 * 60_000);
    if (due) {
      anchored = { seq: headSeq, hash: prevHash, at: now.toISOString() };
      await deps.anchors.append(anchored);
      deps.logger.info('audit chain anchored', { seq: anchored.seq, hash: anchored.hash });
      lastAnchor = anchored;
    }
  }
  if (links.length > 0 && !raced) deps.logger.info('audit chain sealed', { links: links.length, headSeq });
  return { sealed: raced ? 0 : links.length, headSeq, anchored, lastAnchor, raced };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The records of one collection not chained yet, inserted by `cutoff`: those after the newest chained one (less the
 * overlap), or, before the collection's first link, all of them (entries from before the chain existed included).
 */
async function unchainedOf(
  deps: SealAuditChainDeps,
  source: AuditSource,
  cutoff: Date,
  batchSize: number,
): Promise<Candidate[]> {
  const { models } = deps;
  const field = source.timeField;
  const newest = await models.AuditLink.findOne({ source: source.name }, { sourceAt: 1 }).sort({ sourceAt: -1 }).lean();
  const filter = newest
    ? { [field]: { $gt: new Date(newest.sourceAt.getTime() - (deps.overlapMs ?? 120_000)), $lte: cutoff } }
    : { $or: [{ [field]: { $lte: cutoff } }, { [field]: { $exists: false } }] };
  const seen = await source
    .collection(models)
    .find(filter, { projection: { _id: 1, [field]: 1 } })
    .sort({ [field]: 1, _id: 1 })
    .toArray();
  const out: Candidate[] = [];
  for (let i = 0; i < seen.length && out.length < batchSize; i += batchSize) {
    const slice = seen.slice(i, i + batchSize);
    const linked = new Set(
      (
        await models.AuditLink.find(
          { source: source.name, sourceId: { $in: slice.map((d) => String(d._id)) } },
          { sourceId: 1 },
        ).lean()
      ).map((l) => l.sourceId),
    );
    for (const d of slice) {
      const at = (d as Record<string, unknown>)[field];
      if (!linked.has(String(d._id)))
        out.push({ source: source.name, id: String(d._id), at: at instanceof Date ? at : new Date(0) });
    }
  }
  return out;
}
