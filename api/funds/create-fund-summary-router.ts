import { Router, type RequestHandler } from 'express';
import type { Models } from '../../storage/create-models';
import { authenticatedUser } from '../auth/authenticated-user';
import { ForbiddenError } from '../errors';
import { resolveUnitChain } from '../units/resolve-unit-chain';
import { checkedParameters } from '../validation/checked-parameters';
import { createFundSummary } from './create-fund-summary';
import { summaryPeriod } from './summary-period';

interface SummaryQuery {
  unit: string;
  from: string;
  to: string;
  includeBelow: boolean;
}

/**
 * `GET /api/funds/summary?unit=&from=&to=[&includeBelow=true]`: the money figures of a unit's funds (and of the units
 * below it) for a period of Việt Nam days (see createFundSummary). Readable by anyone holding a role at the unit or
 * above it; an unknown unit is 404, a unit outside the caller's 403, `to` before `from` 422 at `/query/to`.
 */
export function createFundSummaryRouter(deps: { models: Models; authenticate: RequestHandler }): Router {
  const router = Router();
  const summary = createFundSummary({ models: deps.models });

  router.get('/api/funds/summary', deps.authenticate, async (req, res) => {
    const caller = authenticatedUser(req);
    const query = checkedParameters<SummaryQuery>(req).query as SummaryQuery;
    const period = summaryPeriod(query.from, query.to);
    const chain = new Set((await resolveUnitChain(deps.models, query.unit)).units.map((u) => u._id));
    if (!caller.grants.some((g) => chain.has(g.unitCode))) {
      throw new ForbiddenError({
        vi: `Cần một vai trò tại đơn vị ${query.unit} hoặc cấp trên`,
        en: `requires a role at unit ${query.unit} or above`,
      });
    }
    res.json(await summary.summarize({ unit: query.unit, includeBelow: query.includeBelow === true, period }));
  });

  return router;
}
