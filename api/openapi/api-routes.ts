import {
  cursorParameter,
  limitParameter,
  openTimelinessParameter,
  programmeParameter,
  textParameter,
  unitCodeParameter,
  unitQueryParameters,
} from './api-parameter';
import type { ApiRoute } from './api-route';
import { adminAuditRoutes } from './admin-audit-routes';
import { adminDefinitionRoutes } from './admin-definition-routes';
import { adminUnitRoutes } from './admin-unit-routes';
import { adminUserRoutes } from './admin-user-routes';
import { authRoutes } from './auth-routes';
import { calendarRoutes } from './calendar-routes';
import { definitionRoutes } from './definition-routes';
import { dossierRoutes } from './dossier-routes';
import { embedRoutes } from './embed-routes';
import { embedTokenRoutes } from './embed-token-routes';
import { fundReportRoutes } from './fund-report-routes';
import { fundRoutes } from './fund-routes';
import { loanRoutes } from './loan-routes';
import { notificationRoutes } from './notification-routes';
import { overlapRoutes } from './overlap-routes';
import { paymentRoutes } from './payment-routes';
import { planRoutes } from './plan-routes';
import { povertyRegisterRoutes } from './poverty-register-routes';
import { reportRoutes } from './report-routes';
import { slaRoutes } from './sla-routes';
import { transitionRoutes } from './transition-routes';

export type { ApiRoute } from './api-route';

/**
 * Every route of the HTTP API, in the order the OpenAPI document lists them: the routes of one area are in a file
 * named after the array it exports (authRoutes in auth-routes.ts, …), spread in at their place.
 */
export const apiRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/healthz',
    summary: 'Health of the system: the database, Temporal and a polling worker; `serving` for load balancers',
    auth: false,
    response: 'object',
    errors: [503],
  },
  {
    method: 'get',
    path: '/openapi.json',
    summary: 'This OpenAPI 3.1 document',
    auth: false,
    response: 'object',
    errors: [],
  },
  ...authRoutes,
  ...definitionRoutes,
  ...dossierRoutes,
  ...notificationRoutes,
  ...embedTokenRoutes,
  ...adminUserRoutes,
  ...adminAuditRoutes,
  ...adminUnitRoutes,
  ...fundRoutes,
  ...loanRoutes,
  ...paymentRoutes,
  ...fundReportRoutes,
  ...adminDefinitionRoutes,
  ...embedRoutes,
  {
    method: 'get',
    path: '/api/units',
    summary:
      'Administrative units (code, name, level, parent, effective dates, successor): in force today, or on `at` (YYYY-MM-DD), or `all=true`; `under` (a unit code) narrows to one unit and those below it',
    auth: true,
    response: 'UnitList',
    query: unitQueryParameters,
    errors: [401, 404, 422],
  },
  {
    method: 'post',
    path: '/api/files',
    summary:
      'Upload an attachment (raw body; JPEG, PNG, WebP or PDF, at most 8 MiB) to reference from form data by fileId',
    auth: true,
    response: 'StoredFile',
    upload: true,
    status: 201,
    errors: [401, 413, 415, 422],
  },
  {
    method: 'get',
    path: '/api/files/:id',
    params: { id: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$', description: 'the fileId of the upload' } },
    summary: "An attachment's bytes, for users with a grant in the uploader's units",
    auth: true,
    response: 'binary',
    media: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
    errors: [401, 404],
  },
  ...calendarRoutes,
  ...slaRoutes,
  {
    method: 'get',
    path: '/api/inbox',
    summary:
      "Dossiers waiting for the caller's roles and units, soonest due first (filters programme, status, timeliness, text search q; cursor paging; counts per timeliness on the first page)",
    auth: true,
    response: 'InboxPage',
    query: {
      limit: limitParameter(200, 50),
      cursor: cursorParameter,
      unit: unitCodeParameter('one of your units: only what waits there'),
      programme: programmeParameter,
      status: { type: 'string', enum: ['received', 'in_progress', 'awaiting_supplement'], description: 'the state' },
      timeliness: openTimelinessParameter,
      q: textParameter(
        'text search (at most 100 characters): every word must occur in the dossier code or the household head\'s name, ignoring case and diacritics ("nguyen thi hoa" finds "Nguyễn Thị Hoa")',
        100,
      ),
    },
    errors: [401, 422],
  },
  ...overlapRoutes,
  ...planRoutes,
  ...transitionRoutes,
  ...reportRoutes,
  ...povertyRegisterRoutes,
];
