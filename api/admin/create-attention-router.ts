import { Router, type RequestHandler } from 'express';
import type { Client } from '@temporalio/client';
import type { Models } from '../../storage/create-models';
import type { AttentionList } from '../../api-contract';
import { DOSSIER_ATTENTION, DOSSIER_ATTENTION_AT, DOSSIER_UNIT } from '../../workflows/search-attributes';
import { authenticatedUser } from '../auth/authenticated-user';
import { UnavailableError } from '../errors';
import { administeredSubtree } from './administered-subtree';

/** At most this many flagged dossiers in one answer (`truncated` says when there are more). */
const LIMIT = 500;

/**
 * `GET /api/admin/attention`: the dossiers an operator must look at, in the units the caller administers. A dossier
 * is flagged by its workflow (workflows/create-attention.ts) when an activity keeps failing: the read model may be
 * what is behind, so the list comes from Temporal's visibility, not from it. Oldest flag first.
 */
export function createAttentionRouter(deps: {
  models: Models;
  temporal: Client;
  authenticate: RequestHandler;
  workflowIdPrefix?: string;
}): Router {
  const router = Router();
  const prefix = `${deps.workflowIdPrefix ?? ''}dossier:`;
  router.get('/api/admin/attention', deps.authenticate, async (req, res, next) => {
    try {
      const units = await administeredSubtree(deps.models, authenticatedUser(req));
      const items: AttentionList['items'] = [];
      let truncated = false;
      try {
        const query = `${DOSSIER_ATTENTION.name} IS NOT NULL AND WorkflowId STARTS_WITH '${prefix}'`;
        for await (const wf of deps.temporal.workflow.list({ query })) {
          const flag = wf.typedSearchAttributes.get(DOSSIER_ATTENTION);
          const unitCode = wf.typedSearchAttributes.get(DOSSIER_UNIT);
          if (!flag || !unitCode || !units.has(unitCode) || !wf.workflowId.startsWith(prefix)) continue;
          if (items.length === LIMIT) {
            truncated = true;
            break;
          }
          const [activity = flag, reason = ''] = flag.split('/');
          const since = wf.typedSearchAttributes.get(DOSSIER_ATTENTION_AT);
          items.push({
            dossierId: wf.workflowId.slice(prefix.length),
            activity,
            reason,
            since: since ? since.toISOString() : null,
            unitCode,
          });
        }
      } catch (error) {
        throw new UnavailableError(
          { vi: 'Không đọc được danh sách từ Temporal', en: 'Temporal could not be read' },
          { cause: error },
        );
      }
      items.sort((a, b) => (a.since ?? '').localeCompare(b.since ?? ''));
      res.json({ items, truncated } satisfies AttentionList);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
