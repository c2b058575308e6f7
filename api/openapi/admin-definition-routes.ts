import { definitionVersionParameters, versionParameter, type ApiParameters } from './api-parameter';
import type { ApiRoute } from './api-route';

const diffQuery: ApiParameters = {
  against: versionParameter('the version to compare with (default: the newest one before this one)'),
};

/**
 * The administrators' routes of form and process definitions: list, publish, diff.
 * Part of apiRoutes (api-routes.ts), spread in at this place: the OpenAPI document lists the paths in that order.
 */
export const adminDefinitionRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/admin/forms',
    summary: 'Every published form version (province administrators)',
    auth: true,
    response: 'PublishedVersionList',
    errors: [401, 403],
  },
  {
    method: 'post',
    path: '/api/admin/forms',
    summary:
      'Publish a form version (checked; identical republish 200, different content 409 version_published, also when concurrent; audited once)',
    auth: true,
    request: 'object',
    response: 'PublishResult',
    status: 201,
    alsoAnswers: { 200: 'PublishResult' },
    errors: [401, 403, 409, 422],
  },
  {
    method: 'get',
    path: '/api/admin/forms/:key/:version/diff',
    params: definitionVersionParameters,
    summary: 'Structural diff of a form version against another (?against=N, default the previous one)',
    auth: true,
    response: 'DefinitionDiff',
    query: diffQuery,
    errors: [401, 403, 404, 422],
  },
  {
    method: 'get',
    path: '/api/admin/processes',
    summary:
      'Every published process definition version (province administrators, and the national administrator who names versions in transition plans)',
    auth: true,
    response: 'PublishedVersionList',
    errors: [401, 403],
  },
  {
    method: 'post',
    path: '/api/admin/processes',
    summary:
      'Publish a process definition version (checked; identical republish 200, different content 409 version_published, also when concurrent; audited once)',
    auth: true,
    request: 'object',
    response: 'PublishResult',
    status: 201,
    alsoAnswers: { 200: 'PublishResult' },
    errors: [401, 403, 409, 422],
  },
  {
    method: 'get',
    path: '/api/admin/processes/:key/:version/diff',
    params: definitionVersionParameters,
    summary: 'Structural diff of a process definition version against another (?against=N, default the previous one)',
    auth: true,
    response: 'DefinitionDiff',
    query: diffQuery,
    errors: [401, 403, 404, 422],
  },
];
