import { unitCodeParameter, type ApiParameter } from './api-parameter';
import type { ApiRoute } from './api-route';

const year: ApiParameter = { type: 'integer', minimum: 2000, maximum: 2099, description: 'the year of the review' };

/**
 * The routes of the poverty register ([poverty-register.md](../../docs/poverty-register.md)). Part of apiRoutes
 * (api-routes.ts), spread in at the end.
 */
export const povertyRegisterRoutes: ApiRoute[] = [
  {
    method: 'post',
    path: '/api/poverty-registers',
    summary:
      "A commune's register of poor and near-poor households for a year, whole: the next revision after `expectedRevision` (0 for the first), with why. The commune's officers and head, or an administrator of it or above. A stale revision is 409; any bad row is 422 at its field and nothing is written. Citizen ids are kept only as keyed hashes and masks",
    auth: true,
    request: 'PovertyRegisterRequest',
    response: 'PovertyRegister',
    status: 201,
    errors: [401, 403, 409, 422],
  },
  {
    method: 'post',
    path: '/api/poverty-registers/xlsx',
    summary:
      'Reads a register workbook (.xlsx, base64; one person a row: household number, name, citizen id, head marked x, hamlet, category, ethnic minority) into households to send to POST /api/poverty-registers. Writes nothing; every bad cell is 422 at /rows/<sheet row>/<column>',
    auth: true,
    request: 'PovertyRegisterXlsxRequest',
    response: 'PovertyRegisterRows',
    errors: [401, 422],
  },
  {
    method: 'get',
    path: '/api/poverty-registers/:unit/:year',
    params: { unit: unitCodeParameter('the commune'), year },
    summary:
      "A commune's register for a year, newest revision, citizen ids masked, with every revision's who, when, why and counts. Anyone with a role at the commune or above; 404 when it has none",
    auth: true,
    response: 'PovertyRegister',
    errors: [401, 403, 404, 422],
  },
  {
    method: 'get',
    path: '/api/poverty-register-summary',
    query: {
      unit: { ...unitCodeParameter('the unit whose registers are added up'), required: true },
      year: { ...year, required: true },
    },
    summary:
      'Households and people per category of every commune register of the year at or below the unit (newest revisions), and the same per unit directly below. Anyone with a role at the unit or above',
    auth: true,
    response: 'PovertyRegisterSummary',
    errors: [401, 403, 404, 422],
  },
];
