import { Router, type RequestHandler } from 'express';
import type { Models } from '../../storage/create-models';
import type { AuditAnchorStore } from '../../storage/audit-chain/audit-anchor-store';
import { createAuditChainReader } from '../../storage/audit-chain/create-audit-chain-reader';
import { verifyAuditChain } from '../../storage/audit-chain/verify-audit-chain';
import type { AuditVerification } from '../../api-contract';
import { authenticatedUser } from '../auth/authenticated-user';
import { administeredSubtree } from './administered-subtree';

/**
 * `GET /api/admin/audit/verify`: walks the whole audit chain (see verifyAuditChain) and answers the first broken
 * link; any administrator (the answer names a collection and a record id, no content). It reads every chained
 * record, so it takes as long as `npm run audit:verify` (which shows progress); a database or anchor-file error is
 * the usual error answer.
 */
export function createAuditRouter(deps: {
  models: Models;
  anchors: AuditAnchorStore;
  authenticate: RequestHandler;
  now?: () => Date;
}): Router {
  const router = Router();
  router.get('/api/admin/audit/verify', deps.authenticate, async (req, res) => {
    await administeredSubtree(deps.models, authenticatedUser(req));
    const result = await verifyAuditChain({
      reader: createAuditChainReader(deps.models),
      anchors: deps.anchors,
      ...(deps.now ? { now: deps.now } : {}),
    });
    res.json(result satisfies AuditVerification);
  });
  return router;
}
