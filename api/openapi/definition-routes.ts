import { definitionVersionParameters } from './api-parameter';
import type { ApiRoute } from './api-route';

/**
 * The routes that read published process definitions and forms.
 * Part of apiRoutes (api-routes.ts), spread in at this place: the OpenAPI document lists the paths in that order.
 */
export const definitionRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/processes',
    summary: 'Published process definitions (latest version of each, with all versions listed)',
    auth: true,
    response: 'ProcessList',
    errors: [401],
  },
  {
    method: 'get',
    path: '/api/processes/:key/:version',
    params: definitionVersionParameters,
    summary: 'One published process definition version',
    auth: true,
    response: 'object',
    errors: [401, 404],
  },
  {
    method: 'get',
    path: '/api/forms/:key/:version',
    params: definitionVersionParameters,
    summary: 'One published form version (JSON Schema, uiSchema, labels)',
    auth: true,
    response: 'object',
    errors: [401, 404],
  },
];
