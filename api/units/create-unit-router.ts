import { Router, type RequestHandler } from 'express';
import type { Models } from '../../storage/create-models';
import { listUnits } from './list-units';
import type { UnitList } from '../../api-contract';
import { parseUnitQuery, vietnamToday } from './parse-unit-query';
import { checkedParameters } from '../validation/checked-parameters';

/**
 * `GET /api/units`: administrative units for any signed-in user (unit pickers, filters): those in force today by
 * default, `?at=YYYY-MM-DD` for another day, `?all=true` for every unit whatever its dates, `?under=CODE` for one
 * unit and those below it. Unit names and codes are public administrative data; the list is not limited to the
 * caller's units. Embedded forms use `GET /api/embed/:token/units` (see createEmbedRouter).
 */
export function createUnitRouter(deps: {
  models: Models;
  authenticate: RequestHandler;
  now?: () => Date;
  /** Whether unit validity is enforced (createApp's `enforceUnitValidity`); true when absent. */
  enforceUnitValidity?: boolean;
}): Router {
  const router = Router();
  router.get('/api/units', deps.authenticate, async (req, res) => {
    const today = vietnamToday(deps.now?.());
    const query = parseUnitQuery(checkedParameters(req).query, today);
    res.json({
      at: query.at,
      under: query.under,
      items: await listUnits(deps.models, query, today, undefined, deps.enforceUnitValidity ?? true),
    } satisfies UnitList);
  });
  return router;
}
