import { idParameter, limitParameter } from './api-parameter';
import type { ApiRoute } from './api-route';

/**
 * The routes of the caller's reminders and escalations.
 * Part of apiRoutes (api-routes.ts), spread in at this place: the OpenAPI document lists the paths in that order.
 */
export const notificationRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/notifications',
    summary:
      "Reminders and escalations addressed to the caller's role grants, newest first, with the unread count (unread=true, limit)",
    auth: true,
    response: 'NotificationList',
    query: {
      limit: limitParameter(200, 50),
      unread: { type: 'boolean', description: 'true: only what the caller has not marked read' },
    },
    errors: [401, 422],
  },
  {
    method: 'post',
    path: '/api/notifications/:id/read',
    params: { id: idParameter('the notification id', 300) },
    summary: 'Mark a notification read for the caller',
    auth: true,
    response: 'NotificationRead',
    errors: [401, 404],
  },
];
