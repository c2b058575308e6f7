import type { AuditProblem } from '../../domain/audit/audit-problem';
import type { AuditLinkDoc } from '../audit-link-schema';
import type { AuditAnchorStore } from './audit-anchor-store';
import type { AuditChainReader } from './audit-chain-reader';
import { AUDIT_SOURCES } from './audit-sources';
import { GENESIS_HASH, linkHash, sourceDigest } from './link-hash';

export interface AuditBreak {
  seq: number | null;
  collection: string | null;
  id: string | null;
  problem: AuditProblem;
}

export interface AuditVerification {
  ok: boolean;
  /** Links found intact before the first problem (all of them when ok). */
  checked: number;
  firstBroken: AuditBreak | null;
}

export interface VerifyAuditChainDeps {
  reader: AuditChainReader;
  anchors: AuditAnchorStore;
  now?: () => Date;
  /**
   * A record inserted longer ago than this must be in the chain; default 5 minutes (the sealer runs every few
   * seconds; keep this well above its interval and any clock skew between the processes that write records).
   */
  sealedWithinMs?: number;
  /** A record dated later than now plus this is reported as unchained; default 5 minutes. */
  futureSkewMs?: number;
  batchSize?: number;
  /** Links checked so far, of about `total`. */
  onProgress?: (checked: number, total: number) => void;
  /** Stops between batches (the promise rejects with the abort reason). */
  signal?: AbortSignal;
}

/**
 * Walks the hash chain from link 1 and answers the first problem found, in this order: the links in seq order
 * (each link: missing, edited, not following the one before, contradicting an anchor, its record missing or edited),
 * then the anchors (a chain shorter than the last anchor), then the records never chained. Read-only; safe while the
 * sealer runs (links appended meanwhile are walked too). Reads every link and every chained record once, and keeps
 * the chained ids in memory for the last check. Database and anchor-file errors reject.
 */
export async function verifyAuditChain(deps: VerifyAuditChainDeps): Promise<AuditVerification> {
  const { reader, signal } = deps;
  const now = (deps.now ?? (() => new Date()))();
  const batchSize = deps.batchSize ?? 500;
  const anchors = await deps.anchors.readAll();
  const anchored = new Map<number, string[]>();
  for (const a of anchors) anchored.set(a.seq, [...(anchored.get(a.seq) ?? []), a.hash]);
  const total = await reader.countLinks();
  const chained = new Map<string, Set<string>>(AUDIT_SOURCES.map((s) => [s.name, new Set<string>()]));
  let checked = 0;
  let prevHash = GENESIS_HASH;
  const broken = (problem: AuditProblem, at: { seq?: number | null; link?: AuditLinkDoc }): AuditVerification => ({
    ok: false,
    checked,
    firstBroken: {
      seq: at.link?._id ?? at.seq ?? null,
      collection: at.link?.source ?? null,
      id: at.link?.sourceId ?? null,
      problem,
    },
  });

  for (;;) {
    signal?.throwIfAborted();
    const links = await reader.linksAfter(checked, batchSize);
    if (links.length === 0) break;
    const records = await recordsOf(reader, links);
    for (const link of links) {
      const seq = checked + 1;
      if (link._id !== seq) return broken('link_missing', { seq });
      if (linkHash(link) !== link.hash) return broken('link_edited', { link });
      if (link.prevHash !== prevHash) return broken('chain_broken', { link });
      if (anchored.get(seq)?.some((hash) => hash !== link.hash)) return broken('anchor_mismatch', { link });
      const record = records.get(link.source)?.get(link.sourceId);
      if (!record) return broken('source_missing', { link });
      if (sourceDigest(record) !== link.digest) return broken('source_edited', { link });
      chained.get(link.source)?.add(link.sourceId);
      prevHash = link.hash;
      checked = seq;
    }
    deps.onProgress?.(checked, Math.max(total, checked));
  }

  const lastAnchored = Math.max(0, ...anchors.map((a) => a.seq));
  if (lastAnchored > checked) return broken('truncated', { seq: checked + 1 });

  const sealedBy = new Date(now.getTime() - (deps.sealedWithinMs ?? 5 * 60_000));
  const notAfter = new Date(now.getTime() + (deps.futureSkewMs ?? 5 * 60_000));
  for (const source of AUDIT_SOURCES) {
    const ids = chained.get(source.name)!;
    for await (const id of reader.idsDue(source.name, sealedBy, notAfter)) {
      if (!ids.has(id))
        return { ok: false, checked, firstBroken: { seq: null, collection: source.name, id, problem: 'unchained' } };
    }
  }
  return { ok: true, checked, firstBroken: null };
}

async function recordsOf(reader: AuditChainReader, links: AuditLinkDoc[]): Promise<Map<string, Map<string, object>>> {
  const bySource = new Map<string, string[]>();
  for (const link of links) bySource.set(link.source, [...(bySource.get(link.source) ?? []), link.sourceId]);
  const out = new Map<string, Map<string, object>>();
  for (const [source, ids] of bySource) {
    out.set(source, AUDIT_SOURCES.some((s) => s.name === source) ? await reader.records(source, ids) : new Map());
  }
  return out;
}
