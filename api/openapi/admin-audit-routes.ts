import { limitParameter } from './api-parameter';
import type { ApiRoute } from './api-route';

/**
 * The administrators' routes of oversight: the admin event log, dossiers needing an operator, the audit chain.
 * Part of apiRoutes (api-routes.ts), spread in at this place: the OpenAPI document lists the paths in that order.
 */
export const adminAuditRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/admin/events',
    summary: 'The administrative audit log of the units the caller administers, newest first',
    auth: true,
    response: 'AdminEventList',
    query: { limit: limitParameter(500, 100) },
    errors: [401, 403],
  },
  {
    method: 'get',
    path: '/api/admin/attention',
    summary:
      'Dossiers in the units the caller administers that need an operator: an activity keeps failing (from Temporal)',
    auth: true,
    response: 'AttentionList',
    errors: [401, 403, 503],
  },
  {
    method: 'get',
    path: '/api/admin/audit/verify',
    summary:
      'Walk the audit hash chain (decisions, admin changes, security events) and name the first broken link (administrators)',
    auth: true,
    response: 'AuditVerification',
    errors: [401, 403],
  },
];
