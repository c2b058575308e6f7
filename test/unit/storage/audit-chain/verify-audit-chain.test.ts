import type { AuditLinkDoc } from '../../../../storage/audit-link-schema';
import type { AuditAnchor } from '../../../../storage/audit-chain/audit-anchor-store';
import type { AuditChainReader } from '../../../../storage/audit-chain/audit-chain-reader';
import { canonicalJson } from '../../../../storage/audit-chain/canonical-json';
import { GENESIS_HASH, linkHash, sourceDigest } from '../../../../storage/audit-chain/link-hash';
import { verifyAuditChain } from '../../../../storage/audit-chain/verify-audit-chain';

const NOW = new Date('2026-03-01T10:00:00Z');
const OLD = new Date('2026-03-01T09:00:00Z');

type Rec = Record<string, unknown> & { _id: string; at: Date };

/** A small world: records of the three collections, a chain over them, anchors; edited by each test. */
function world(count = 6) {
  const records = new Map<string, Map<string, Rec>>([
    ['audit_log', new Map()],
    ['admin_events', new Map()],
    ['security_events', new Map()],
  ]);
  const sources = ['audit_log', 'admin_events', 'security_events'] as const;
  const links: AuditLinkDoc[] = [];
  let prevHash = GENESIS_HASH;
  for (let i = 1; i <= count; i += 1) {
    const source = sources[(i - 1) % 3]!;
    const rec: Rec = { _id: `r${i}`, at: new Date(OLD.getTime() + i * 1000), kind: 'x', n: i };
    records.get(source)!.set(rec._id, rec);
    const link = {
      _id: i,
      source,
      sourceId: rec._id,
      sourceAt: rec.at,
      digest: sourceDigest(rec),
      prevHash,
      sealedAt: new Date(OLD.getTime() + i * 1000 + 500),
    };
    prevHash = linkHash(link);
    links.push({ ...link, hash: prevHash });
  }
  const anchors: AuditAnchor[] = [];
  const reader: AuditChainReader = {
    countLinks: async () => links.length,
    linksAfter: async (seq, limit) =>
      links
        .filter((l) => l._id > seq)
        .sort((a, b) => a._id - b._id)
        .slice(0, limit),
    records: async (source, ids) => {
      const all = records.get(source)!;
      return new Map(ids.flatMap((id) => (all.has(id) ? [[id, all.get(id)!] as const] : [])));
    },
    async *idsDue(source, sealedBy, notAfter) {
      for (const r of records.get(source)!.values()) if (r.at <= sealedBy || r.at > notAfter) yield r._id;
    },
  };
  const verify = () =>
    verifyAuditChain({
      reader,
      anchors: { append: async (a) => void anchors.push(a), readAll: async () => anchors },
      now: () => NOW,
      batchSize: 4,
    });
  return { records, links, anchors, verify };
}

describe('verifyAuditChain', () => {
  it('accepts an intact chain, anchors included, across batches', async () => {
    const w = world(9);
    w.anchors.push({ seq: 4, hash: w.links[3]!.hash, at: OLD.toISOString() });
    w.anchors.push({ seq: 9, hash: w.links[8]!.hash, at: OLD.toISOString() });
    expect(await w.verify()).toEqual({ ok: true, checked: 9, firstBroken: null });
  });

  it('accepts an empty chain with no records', async () => {
    expect(await world(0).verify()).toEqual({ ok: true, checked: 0, firstBroken: null });
  });

  it.each([
    {
      problem: 'source_edited',
      tamper: (w: ReturnType<typeof world>) => void (w.records.get('security_events')!.get('r3')!.n = 99),
      seq: 3,
      collection: 'security_events',
      id: 'r3',
    },
    {
      problem: 'source_missing',
      tamper: (w: ReturnType<typeof world>) => void w.records.get('admin_events')!.delete('r2'),
      seq: 2,
      collection: 'admin_events',
      id: 'r2',
    },
    {
      problem: 'link_edited',
      tamper: (w: ReturnType<typeof world>) => void (w.links[3]!.sourceId = 'r1'),
      seq: 4,
      collection: 'audit_log',
      id: 'r1',
    },
    {
      problem: 'link_missing',
      tamper: (w: ReturnType<typeof world>) => void w.links.splice(2, 1),
      seq: 3,
      collection: null,
      id: null,
    },
    {
      problem: 'chain_broken',
      tamper: (w: ReturnType<typeof world>) => {
        // Link 2 rewritten with its hash recomputed: link 3 no longer follows it.
        const { hash: _hash, ...rest } = w.links[1]!;
        const edited = { ...rest, sealedAt: NOW };
        w.links[1] = { ...edited, hash: linkHash(edited) };
      },
      seq: 3,
      collection: 'security_events',
      id: 'r3',
    },
  ])('names the first broken link: $problem', async ({ problem, tamper, seq, collection, id }) => {
    const w = world();
    tamper(w);
    const result = await w.verify();
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toEqual({ seq, collection, id, problem });
    expect(result.checked).toBe(seq - 1);
  });

  it('names the earliest problem when there are several', async () => {
    const w = world();
    w.records.get('security_events')!.delete('r6');
    w.records.get('admin_events')!.get('r2')!.n = 0;
    expect((await w.verify()).firstBroken).toMatchObject({ seq: 2, problem: 'source_edited' });
  });

  it('detects a deleted tail through the last anchor', async () => {
    const w = world();
    w.anchors.push({ seq: 6, hash: w.links[5]!.hash, at: OLD.toISOString() });
    w.links.splice(4, 2);
    expect(await w.verify()).toEqual({
      ok: false,
      checked: 4,
      firstBroken: { seq: 5, collection: null, id: null, problem: 'truncated' },
    });
  });

  it('detects a chain rebuilt after it was anchored', async () => {
    const w = world();
    w.anchors.push({ seq: 5, hash: 'a'.repeat(64), at: OLD.toISOString() });
    expect((await w.verify()).firstBroken).toMatchObject({ seq: 5, problem: 'anchor_mismatch' });
  });

  it('reports a record that is old enough but never chained, and one dated in the future', async () => {
    const w = world();
    w.records.get('admin_events')!.set('by-hand', { _id: 'by-hand', at: OLD });
    expect(await w.verify()).toEqual({
      ok: false,
      checked: 6,
      firstBroken: { seq: null, collection: 'admin_events', id: 'by-hand', problem: 'unchained' },
    });
    w.records.get('admin_events')!.delete('by-hand');
    w.records.get('audit_log')!.set('future', { _id: 'future', at: new Date(NOW.getTime() + 3600_000) });
    expect((await w.verify()).firstBroken).toMatchObject({ id: 'future', problem: 'unchained' });
  });

  it('leaves a record inserted within the sealing time alone', async () => {
    const w = world();
    w.records.get('security_events')!.set('fresh', { _id: 'fresh', at: new Date(NOW.getTime() - 1000) });
    expect((await w.verify()).ok).toBe(true);
  });
});

describe('canonicalJson and the hashes', () => {
  it('does not depend on key order, and tells a date from its string', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { e: 3, f: 2 }] }, b: 1 }),
    );
    const at = new Date('2026-01-01T00:00:00Z');
    expect(sourceDigest({ at })).not.toBe(sourceDigest({ at: at.toISOString() }));
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });

  it('changes a link hash with every field and with the previous hash', () => {
    const link = {
      _id: 7,
      source: 'audit_log',
      sourceId: 'd#1',
      sourceAt: OLD,
      digest: 'd'.repeat(64),
      prevHash: GENESIS_HASH,
      sealedAt: NOW,
    };
    const hash = linkHash(link);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const variants = [
      { ...link, _id: 8 },
      { ...link, source: 'admin_events' },
      { ...link, sourceId: 'd#2' },
      { ...link, sourceAt: NOW },
      { ...link, digest: 'e'.repeat(64) },
      { ...link, prevHash: '1'.repeat(64) },
      { ...link, sealedAt: OLD },
    ];
    for (const v of variants) expect(linkHash(v)).not.toBe(hash);
  });
});
