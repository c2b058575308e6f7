import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { acquireLease, type Lease } from '../acquire-lease';
import type { AuditAnchor } from './audit-anchor-store';
import { sealAuditChain, type SealAuditChainDeps, type SealReport } from './seal-audit-chain';

/** The lease (a `settings` document) that makes one process at a time the sealer. */
export const AUDIT_SEAL_LEASE = 'audit-seal';

export interface AuditSealer {
  /** One sealing run: `busy` while another process holds the lease. Errors reject (the caller logs and goes on). */
  run(): Promise<SealReport | 'busy'>;
  /** Gives the lease up (at shutdown), so another process can take over at once. */
  release(): Promise<void>;
}

/**
 * The sealer of one process. It keeps the lease AUDIT_SEAL_LEASE between runs (renewed at each run, lasting
 * `leaseMs`, default 60 s), so that the same process keeps sealing and writing anchors while it lives, and another
 * takes over within `leaseMs` after it dies. A run whose renewal fails (the lease expired and was taken) does nothing.
 */
export function createAuditSealer(
  deps: Omit<SealAuditChainDeps, 'lastAnchor'> & { leaseMs?: number; holder?: string },
): AuditSealer {
  const holder = deps.holder ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const ttlMs = deps.leaseMs ?? 60_000;
  let lease: Lease | undefined;
  let lastAnchor: AuditAnchor | null | undefined;
  return {
    async run() {
      if (lease && !(await lease.renew())) lease = undefined;
      if (!lease) {
        lease = await acquireLease(deps.models, {
          name: AUDIT_SEAL_LEASE,
          holder,
          ttlMs,
          ...(deps.now ? { now: deps.now } : {}),
        });
        lastAnchor = undefined; // another process may have anchored meanwhile
      }
      if (!lease) return 'busy';
      const report = await sealAuditChain({ ...deps, ...(lastAnchor === undefined ? {} : { lastAnchor }) });
      lastAnchor = report.lastAnchor;
      return report;
    },
    async release() {
      await lease?.release();
      lease = undefined;
    },
  };
}
