import { idParameter, type ApiParameters } from './api-parameter';
import type { ApiRoute } from './api-route';

const dossierId: ApiParameters = { id: idParameter('the dossier id, e.g. HN-HD-HC-2026-00001') };

/**
 * The routes of dossiers: start, read, decide (one or a list), extend, recompute the deadline, and their documents.
 * Part of apiRoutes (api-routes.ts), spread in at this place: the OpenAPI document lists the paths in that order.
 */
export const dossierRoutes: ApiRoute[] = [
  {
    method: 'post',
    path: '/api/dossiers',
    summary: "Create a dossier in the caller's unit with the first step's form data",
    auth: true,
    request: 'CreateDossierRequest',
    response: 'Dossier',
    status: 201,
    idempotent: true,
    alsoAnswers: { 202: 'DossierAccepted' },
    errors: [400, 401, 403, 404, 409, 422],
  },
  {
    method: 'get',
    path: '/api/dossiers/:id',
    params: dossierId,
    summary: 'A dossier: state, current step, due time, history',
    auth: true,
    response: 'Dossier',
    errors: [401, 404],
  },
  {
    method: 'get',
    path: '/api/dossiers/:id/submissions/:submissionId',
    params: { ...dossierId, submissionId: idParameter('the submission id') },
    summary: 'Form data submitted at a step, with the form version it was validated against',
    auth: true,
    response: 'StoredSubmission',
    errors: [401, 404],
  },
  {
    method: 'post',
    path: '/api/dossiers/:id/actions',
    params: dossierId,
    summary: 'Take an action (submit, approve, return, reject, withdraw) on the current step',
    auth: true,
    request: 'ActionRequest',
    response: 'DecisionResult',
    idempotent: true,
    alsoAnswers: { 202: 'DecisionAccepted' },
    errors: [400, 401, 403, 404, 409, 422],
  },
  {
    method: 'post',
    path: '/api/dossiers/bulk-actions',
    summary:
      'Take one action on several dossiers (at most 100) where their steps allow it in bulk. Every dossier is checked first, as a single action would be; if any cannot take it, nothing is decided (422, one field per dossier at /dossierIds/<index>). Then each is decided like a single action, with its own result. 202 while any is still being applied: repeat with the same Idempotency-Key. dryRun: check only',
    auth: true,
    request: 'BulkActionRequest',
    response: 'BulkActionResult',
    idempotent: true,
    alsoAnswers: { 202: 'BulkActionResult' },
    errors: [400, 401, 409, 422],
  },
  {
    method: 'post',
    path: '/api/dossiers/:id/extension',
    params: dossierId,
    summary:
      'Apology and extension (form 04, Circular 03/2025) by the processing unit before the dossier is late: a reason and a new promised date that replaces the overall due time; once per dossier',
    auth: true,
    request: 'ExtensionRequest',
    response: 'DecisionResult',
    idempotent: true,
    alsoAnswers: { 202: 'DecisionAccepted' },
    errors: [400, 401, 403, 404, 409, 422],
  },
  {
    method: 'post',
    path: '/api/dossiers/:id/deadline/recompute',
    params: dossierId,
    summary:
      "Recompute the current step's due time on today's working calendar (admin or unit head; recorded in the history)",
    auth: true,
    request: 'RecomputeDeadlineRequest',
    response: 'DecisionResult',
    idempotent: true,
    alsoAnswers: { 202: 'DecisionAccepted' },
    errors: [400, 401, 403, 404, 409, 422],
  },
  {
    method: 'get',
    path: '/api/dossiers/:id/control-slip.pdf',
    params: dossierId,
    summary: 'The processing-control slip as a PDF (A4, Vietnamese)',
    auth: true,
    response: 'binary',
    media: ['application/pdf'],
    errors: [401, 404],
  },
  {
    method: 'get',
    path: '/api/dossiers/:id/extension-letter.pdf',
    params: dossierId,
    summary: 'The apology and extension letter (form 04) as a PDF (A4, Vietnamese); 409 before one is issued',
    auth: true,
    response: 'binary',
    media: ['application/pdf'],
    errors: [401, 404, 409],
  },
  {
    method: 'get',
    path: '/api/dossiers/:id/approval-decision.pdf',
    params: dossierId,
    summary:
      "The approval of the dossier's support as a PDF (A4, Vietnamese): the household, the amount in figures and words, its split across funds; 409 no_commitment before any is committed",
    auth: true,
    response: 'binary',
    media: ['application/pdf'],
    errors: [401, 404, 409],
  },
  {
    method: 'get',
    path: '/api/dossiers/:id/control-slip',
    params: dossierId,
    summary:
      "The processing-control slip: one row per hand-off (from whom, to whom, when, result, note, the step's timeliness)",
    auth: true,
    response: 'ControlSlip',
    errors: [401, 404],
  },
];
