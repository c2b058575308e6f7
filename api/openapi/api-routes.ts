import { overlapRoutes } from './overlap-routes';
import { OPEN_TIMELINESS } from '../../domain/sla/timeliness';
import {
  cursorParameter,
  dateParameter,
  definitionKeyParameter,
  idParameter,
  textParameter,
  instantParameter,
  limitParameter,
  unitCodeParameter,
  versionParameter,
  type ApiParameters,
} from './api-parameter';
import type { ApiRoute } from './api-route';
import { dossierRoutes } from './dossier-routes';
import { fundReportRoutes } from './fund-report-routes';
import { fundRoutes } from './fund-routes';
import { planRoutes } from './plan-routes';
import { transitionRoutes } from './transition-routes';
import { povertyRegisterRoutes } from './poverty-register-routes';
import { reportRoutes } from './report-routes';

export type { ApiRoute } from './api-route';

const unitQuery: ApiParameters = {
  at: dateParameter('units in force on this date (default: today in Việt Nam)'),
  all: { type: 'boolean', description: 'true: every unit, whatever its dates (not with at)' },
  under: unitCodeParameter('only this unit and the units below it'),
};
const PROGRAMME = { type: 'string', pattern: '^[a-z][a-z0-9_-]{0,59}$', description: 'only this programme' } as const;
const TIMELINESS = {
  type: 'string',
  enum: OPEN_TIMELINESS,
  description: 'not_due, near_due, overdue or stopped (returned for supplement, the clock stopped)',
} as const;
const definitionVersion: ApiParameters = {
  key: definitionKeyParameter,
  version: versionParameter('the published version'),
};
const userId: ApiParameters = { id: idParameter('the username') };
const embedToken: ApiParameters = { token: idParameter('the embed token, as the snippet carries it', 512) };
const calendarYear: ApiParameters = {
  scope: unitCodeParameter('VN for the national calendar, or a province'),
  year: { type: 'integer', minimum: 2000, maximum: 2099, description: 'the year, 2000 to 2099' },
};
const diffQuery: ApiParameters = {
  against: versionParameter('the version to compare with (default: the newest one before this one)'),
};

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
  {
    method: 'post',
    path: '/api/auth/login',
    summary:
      'Password sign-in: a 15-minute access token (`token`) and a refresh token. A wrong password, an unknown, inactive or locked account are the same 401; too many failed sign-ins of the account or from the address are 429 with Retry-After, checked before the password',
    auth: false,
    request: 'LoginRequest',
    response: 'LoginResponse',
    errors: [400, 401, 422, 429],
  },
  {
    method: 'post',
    path: '/api/auth/refresh',
    summary:
      'A new access token and refresh token for a refresh token, which is spent: one presented a second time ends its session (401). Never past the session’s 12 hours from sign-in',
    auth: false,
    request: 'RefreshRequest',
    response: 'LoginResponse',
    errors: [400, 401, 422],
  },
  {
    method: 'post',
    path: '/api/auth/logout',
    summary: 'End the session of the bearer token: its access and refresh tokens are refused afterwards',
    auth: true,
    response: 'empty',
    status: 204,
    errors: [401],
  },
  {
    method: 'get',
    path: '/api/auth/config',
    summary: "What the sign-in page offers: the province's OpenID provider (single sign-on), or null when it is off",
    auth: false,
    response: 'AuthConfig',
    errors: [],
  },
  {
    method: 'get',
    path: '/api/me',
    summary: 'The caller and their role grants',
    auth: true,
    response: 'CurrentUser',
    errors: [401],
  },
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
    params: definitionVersion,
    summary: 'One published process definition version',
    auth: true,
    response: 'object',
    errors: [401, 404],
  },
  {
    method: 'get',
    path: '/api/forms/:key/:version',
    params: definitionVersion,
    summary: 'One published form version (JSON Schema, uiSchema, labels)',
    auth: true,
    response: 'object',
    errors: [401, 404],
  },
  ...dossierRoutes,
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
  {
    method: 'post',
    path: '/api/admin/embed-tokens',
    summary:
      'Create an embed token for a process start form in a unit (admin); returns the token and copy-paste snippets',
    auth: true,
    request: 'CreateEmbedTokenRequest',
    response: 'EmbedToken',
    status: 201,
    errors: [401, 403, 404, 422],
  },
  {
    method: 'get',
    path: '/api/admin/embed-tokens',
    summary: 'Embed tokens of the units the caller administers',
    auth: true,
    response: 'EmbedTokenList',
    errors: [401, 403],
  },
  {
    method: 'post',
    path: '/api/admin/embed-tokens/:id/revoke',
    params: { id: idParameter('the embed token id (emb_…)') },
    summary:
      'Revoke an embed token (admin; audited). Revoking a revoked token, or losing a race with another revocation, is 409 embed_token_revoked',
    auth: true,
    response: 'EmbedToken',
    errors: [401, 403, 404, 409],
  },
  {
    method: 'get',
    path: '/api/admin/users',
    summary: 'Users holding a grant in the units the caller administers (filters unit, q)',
    auth: true,
    response: 'AdminUserList',
    query: {
      unit: unitCodeParameter('only users with a grant in this unit'),
      q: textParameter('text in the username or display name, ignoring case (at most 100 characters)', 100),
      limit: limitParameter(500, 200),
    },
    errors: [401, 403],
  },
  {
    method: 'post',
    path: '/api/admin/users',
    summary:
      'Create a user with role grants in units the caller administers (audited). A taken username is 409 username_taken: of concurrent creations of one username exactly one succeeds',
    auth: true,
    request: 'CreateUserRequest',
    response: 'AdminUser',
    status: 201,
    errors: [401, 403, 404, 409, 422],
  },
  {
    method: 'post',
    path: '/api/admin/users/:id/grants',
    params: userId,
    summary:
      'Grant a role in a unit the caller administers (audited). Idempotent: a grant the user already holds answers 200 with no change, so of concurrent identical requests all answer the same state and exactly one is audited',
    auth: true,
    request: 'RoleGrantRequest',
    response: 'AdminUser',
    errors: [401, 403, 404, 422],
  },
  {
    method: 'post',
    path: '/api/admin/users/:id/grants/revoke',
    params: userId,
    summary:
      'Revoke a role grant (audited). Idempotent like granting: exactly one of concurrent identical requests is audited',
    auth: true,
    request: 'RoleGrantRequest',
    response: 'AdminUser',
    errors: [401, 403, 404, 409, 422],
  },
  {
    method: 'post',
    path: '/api/admin/users/:id/deactivate',
    params: userId,
    summary:
      'Deactivate a user and end their sessions (audited). Idempotent: exactly one of concurrent requests changes the user and is audited',
    auth: true,
    response: 'AdminUser',
    errors: [401, 403, 404, 409],
  },
  {
    method: 'post',
    path: '/api/admin/users/:id/activate',
    params: userId,
    summary:
      'Reactivate a user (audited). Idempotent: exactly one of concurrent requests changes the user and is audited',
    auth: true,
    response: 'AdminUser',
    errors: [401, 403, 404],
  },
  {
    method: 'post',
    path: '/api/admin/users/:id/password',
    params: userId,
    summary:
      "Set a user's password and end their sessions (audited). Of concurrent resets exactly one is applied; the others are 409 password_changed",
    auth: true,
    request: 'SetPasswordRequest',
    response: 'AdminUser',
    errors: [401, 403, 404, 409, 422],
  },
  {
    method: 'post',
    path: '/api/admin/users/:id/oidc-link',
    params: userId,
    summary:
      "Link a user to their account at the province's OpenID provider (single sign-on), or unlink it with null (audited). 409 oidc_off when single sign-on is off, 409 oidc_taken when another user holds that account",
    auth: true,
    request: 'SetOidcLinkRequest',
    response: 'AdminUser',
    errors: [401, 403, 404, 409, 422],
  },
  {
    method: 'post',
    path: '/api/admin/users/:id/unlock',
    params: userId,
    summary:
      'Lift the lock of an account locked after too many failed sign-ins, and reset its failure count (audited as user.unlock when it was locked)',
    auth: true,
    response: 'AdminUser',
    errors: [401, 403, 404],
  },
  {
    method: 'post',
    path: '/api/admin/users/:id/sessions/revoke',
    params: userId,
    summary: 'Sign a user out everywhere: every session of the user ends (audited as user.sessions_revoke)',
    auth: true,
    response: 'AdminUser',
    errors: [401, 403, 404],
  },
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
  {
    method: 'post',
    path: '/api/admin/units',
    summary:
      'Create an administrative unit under a unit the caller administers, or a province (no parent; a national administrator only, who becomes its administrator), audited. A taken code is 409 unit_code_taken',
    auth: true,
    request: 'CreateUnitRequest',
    response: 'AdminUnit',
    status: 201,
    errors: [401, 403, 409, 422],
  },
  {
    method: 'post',
    path: '/api/admin/units/:code/retire',
    params: { code: unitCodeParameter('the unit to retire') },
    summary:
      'Retire a unit: its last day in force and its successor, or its successors with shares of households or rules (a split; several units naming one successor is a merger), audited. A retired unit, or one retired by a concurrent request, is 409 unit_retired',
    auth: true,
    request: 'RetireUnitRequest',
    response: 'AdminUnit',
    errors: [401, 403, 404, 409, 422],
  },
  ...fundRoutes,
  {
    method: 'post',
    path: '/api/payments/bank-statements',
    summary:
      "Import a bank statement (CSV): each OK transaction settles the payment order named by the reference in its description, each FAILED one marks it failed, as the treasurer's decision at the confirmation step; every line gets a status (bad lines do not stop the good ones); a transaction is decided at most once, however often the statement is imported. 202 while any is still being applied: repeat with the same Idempotency-Key. A treasury role is needed (403)",
    auth: true,
    request: 'BankStatementRequest',
    response: 'BankStatementReport',
    idempotent: true,
    alsoAnswers: { 202: 'BankStatementReport' },
    errors: [400, 401, 403, 422],
  },
  {
    method: 'get',
    path: '/api/payments/orders',
    query: {
      status: {
        type: 'string',
        enum: ['ordered', 'paid', 'failed'],
        description: 'ordered (awaiting confirmation), paid or failed',
      },
      unit: unitCodeParameter('only orders of dossiers received in this unit or below it'),
      from: dateParameter('only orders created from this day (Việt Nam)'),
      to: dateParameter('only orders created up to this day (Việt Nam); not before from'),
      cursor: cursorParameter,
      limit: limitParameter(200, 50),
    },
    summary:
      "The payment orders of the dossiers in the caller's units and below, newest first (cursor paging): dossier, household head where the caller may read the dossier, tranche, amount and its funds, status, attempt and the reference printed on the transfer. A page may be short with a nextCursor: more may follow",
    auth: true,
    response: 'PaymentOrderPage',
    errors: [401, 422],
  },
  {
    method: 'post',
    path: '/api/payments/bank-statement-imports',
    summary:
      "Import a large bank statement in the background (up to 5,000 transaction lines): checked as POST /api/payments/bank-statements is (403, 422), then 202 with the job; its progress and, once finished, every line's status at GET /api/payments/bank-statement-imports/{id}. A body over 12 MB is 413",
    auth: true,
    request: 'BankStatementImportRequest',
    response: 'BankStatementJob',
    status: 202,
    errors: [400, 401, 403, 413, 422],
  },
  {
    method: 'get',
    path: '/api/payments/bank-statement-imports/:id',
    params: { id: idParameter('the job id') },
    summary:
      "A background bank-statement import, for the officer who started it: running with its progress (done of total), finished with every line's status and the counts, or failed with why (a job whose server stopped is marked failed; importing the file again finishes it, each transaction decided once)",
    auth: true,
    response: 'BankStatementJob',
    errors: [401, 404],
  },
  ...fundReportRoutes,
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
    params: definitionVersion,
    summary: 'Structural diff of a form version against another (?against=N, default the previous one)',
    auth: true,
    response: 'DefinitionDiff',
    query: diffQuery,
    errors: [401, 403, 404, 422],
  },
  {
    method: 'get',
    path: '/api/admin/processes',
    summary: 'Every published process definition version (province administrators)',
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
    params: definitionVersion,
    summary: 'Structural diff of a process definition version against another (?against=N, default the previous one)',
    auth: true,
    response: 'DefinitionDiff',
    query: diffQuery,
    errors: [401, 403, 404, 422],
  },
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
    query: unitQuery,
    errors: [401, 403, 404, 422],
  },
  {
    method: 'get',
    path: '/api/units',
    summary:
      'Administrative units (code, name, level, parent, effective dates, successor): in force today, or on `at` (YYYY-MM-DD), or `all=true`; `under` (a unit code) narrows to one unit and those below it',
    auth: true,
    response: 'UnitList',
    query: unitQuery,
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
  {
    method: 'get',
    path: '/api/calendars/:scope/:year',
    params: calendarYear,
    summary:
      'The working calendar in force for a scope (VN or a province) and year: days off, make-up working days, office hours, cut-off, and updatedAt of the copy stored for that scope (null when none), which an edit sends back as expectedUpdatedAt',
    auth: true,
    response: 'CalendarYear',
    errors: [401, 404, 422],
  },
  {
    method: 'put',
    path: '/api/calendars/:scope/:year',
    params: calendarYear,
    summary:
      "Load a year's schedule as published (VN: an admin of any province; a province: its admin; audited): the notice (document, date, issuer), the weekdays off and the make-up weekend days, each with its source. 422 with a field per problem (a date outside the year or listed twice, a day off on a weekend, a make-up day on a weekday); 409 calendar_changed when expectedUpdatedAt is not the stored updatedAt",
    auth: true,
    request: 'CalendarScheduleRequest',
    response: 'CalendarYear',
    errors: [401, 403, 404, 409, 422],
  },
  {
    method: 'post',
    path: '/api/calendars/:scope/:year/days',
    params: calendarYear,
    summary:
      "Mark a day as a day off, a working day or default in a province's calendar (admin of that province; audited). 409 calendar_changed when expectedUpdatedAt is not the stored updatedAt, or when a concurrent edit of the year won",
    auth: true,
    request: 'CalendarDayRequest',
    response: 'CalendarYear',
    errors: [401, 403, 404, 409, 422],
  },
  {
    method: 'get',
    path: '/api/calendars/:scope/:year/edits',
    params: calendarYear,
    summary:
      "The audit trail of calendar edits and loads (a province's: its admin; the national year's: an admin of any province)",
    auth: true,
    response: 'CalendarEditList',
    errors: [401, 403, 422],
  },
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
      programme: PROGRAMME,
      timeliness: TIMELINESS,
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
      programme: PROGRAMME,
      status: { type: 'string', enum: ['received', 'in_progress', 'awaiting_supplement'], description: 'the state' },
      timeliness: TIMELINESS,
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
