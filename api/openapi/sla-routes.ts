import {
  cursorParameter,
  instantParameter,
  limitParameter,
  openTimelinessParameter,
  programmeParameter,
  unitCodeParameter,
} from './api-parameter';
import type { ApiRoute } from './api-route';

/**
 * The routes of deadlines: pending dossiers and the summary of timeliness.
 * Part of apiRoutes (api-routes.ts), spread in at this place: the OpenAPI document lists the paths in that order.
 */
export const slaRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/sla/pending',
    summary:
      "Open dossiers of the caller's units and below, oldest due first, with where and for whom they wait and their timeliness (filters unit and below, processingUnit exactly, programme, timeliness; cursor paging)",
    auth: true,
    response: 'SlaPendingPage',
    query: {
      limit: limitParameter(200, 50),
      cursor: cursorParameter,
      unit: unitCodeParameter('this unit (one of yours or below one) and the units below it'),
      processingUnit: unitCodeParameter('only dossiers waiting in this very unit'),
      programme: programmeParameter,
      timeliness: openTimelinessParameter,
    },
    errors: [401, 403, 404, 422],
  },
  {
    method: 'get',
    path: '/api/sla/summary',
    summary:
      'Open dossiers counted by unit, level, programme, state and timeliness; finished dossiers per unit and procedure with the on-time rate for a period',
    auth: true,
    response: 'SlaSummary',
    query: {
      unit: unitCodeParameter('this unit (one of yours or below one) and the units below it'),
      from: instantParameter('start of the period of finished dossiers (default: 365 days before to)'),
      to: instantParameter('end of the period, exclusive (default: now); at most 10 years after from'),
      finishedBy: {
        type: 'string',
        enum: ['procedure', 'unit'],
        default: 'procedure',
        description: 'procedure: per procedure; unit: per receiving unit and procedure',
      },
    },
    errors: [401, 403, 404, 422],
  },
];
