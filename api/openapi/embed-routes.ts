import { idParameter, unitQueryParameters, type ApiParameters } from './api-parameter';
import type { ApiRoute } from './api-route';

const embedToken: ApiParameters = { token: idParameter('the embed token, as the snippet carries it', 512) };

/**
 * The public routes of an embedded form on a portal: the form, submissions, a citizen's status, the unit picker.
 * Part of apiRoutes (api-routes.ts), spread in at this place: the OpenAPI document lists the paths in that order.
 */
export const embedRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/embed/:token/form',
    params: embedToken,
    summary: "An embed token's start form (public; CORS for the token's origins only)",
    auth: false,
    response: 'object',
    query: {
      render: { type: 'string', enum: ['html'], description: 'html: add the form rendered on the server (`html`)' },
      lang: { type: 'string', enum: ['vi', 'en'], description: 'the language of the rendered form (default vi)' },
    },
    errors: [401, 403],
  },
  {
    method: 'post',
    path: '/api/embed/:token/submissions',
    params: embedToken,
    summary:
      'Start a dossier through an embedded form; returns a receipt with the dossier code and appointment date. A token whose unit is no longer in force is 410 embed_unit_retired',
    auth: false,
    request: 'EmbedSubmissionRequest',
    response: 'object',
    status: 201,
    idempotent: true,
    errors: [401, 403, 409, 410, 422, 429],
  },
  {
    method: 'post',
    path: '/api/embed/:token/status',
    params: embedToken,
    summary:
      "A citizen's status lookup: the dossier code and the lookup code from the receipt give the dossier's stage, dates, timeliness and outcome (public; CORS for the token's origins only; 10 lookups a minute per client address; a wrong code and a wrong lookup code are the same 404)",
    auth: false,
    request: 'CitizenStatusRequest',
    response: 'CitizenStatus',
    errors: [401, 403, 404, 422, 429],
  },
  {
    method: 'get',
    path: '/api/embed/:token/units',
    params: embedToken,
    summary:
      "Administrative units of the embed token's province for the form's unit picker: in force today, or on `at` (YYYY-MM-DD), or `all=true`; `under` (a unit code) narrows to one unit and those below it (public; CORS for the token's origins only)",
    auth: false,
    response: 'UnitList',
    query: unitQueryParameters,
    errors: [401, 403, 404, 422],
  },
];
