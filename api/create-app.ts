import path from 'node:path';
import { randomBytes } from 'node:crypto';
import express, { type Express } from 'express';
import type { Connection } from 'mongoose';
import type { Client } from '@temporalio/client';
import type { Models } from '../storage/create-models';
import { createRegistryAdminRouter } from './admin/create-registry-admin-router';
import { createUnitAdminRouter } from './admin/create-unit-admin-router';
import { createUserAdminRouter } from './admin/create-user-admin-router';
import { createAttentionRouter } from './admin/create-attention-router';
import { createAuditRouter } from './admin/create-audit-router';
import type { AuditAnchorStore } from '../storage/audit-chain/audit-anchor-store';
import { createDocumentRouter } from './documents/create-document-router';
import { createFundDocumentRouter } from './funds/create-fund-document-router';
import { createReportRouter } from './reports/create-report-router';
import { createFundRouter } from './funds/create-fund-router';
import { createPaymentRouter } from './payments/create-payment-router';
import { createBankStatementImport } from './payments/create-bank-statement-import';
import { createBankStatementJobs } from './payments/create-bank-statement-jobs';
import { createPaymentOrderList } from './payments/create-payment-order-list';
import { createFundSummaryRouter } from './funds/create-fund-summary-router';
import { createLedger } from './funds/create-ledger';
import { createLoanLedger } from './loans/create-loan-ledger';
import { createLoanRouter } from './loans/create-loan-router';
import { createAuthRouter } from './auth/create-auth-router';
import { createAuthenticate } from './auth/create-authenticate';
import {
  createAuthConfigRouter,
  createProviderKeys,
  createVerifyOidcToken,
  type OidcConfig,
  type ProviderKeys,
} from './auth/oidc';
import { createLoginThrottle } from './auth/create-login-throttle';
import { createSessionTokens } from './auth/create-session-tokens';
import { DEFAULT_SIGN_IN_SETTINGS, type SignInSettings } from './auth/sign-in-settings';
import { authenticatedUser } from './auth/authenticated-user';
import type { ScryptParams } from './auth/hash-password';
import { createDossierRouter } from './dossiers/create-dossier-router';
import { createBulkActionService } from './dossiers/create-bulk-action-service';
import { createDossierService } from './dossiers/create-dossier-service';
import { createOverlapChecker } from './overlap/create-overlap-checker';
import { createOverlapAdminRouter } from './overlap/create-overlap-admin-router';
import { createOverlapRulesStore } from './overlap/overlap-rules-store';
import type { OverlapRule } from '../domain/overlap/overlap-rule';
import { createOfficialCalendar, type OfficialCalendar } from '../storage/official-calendar';
import { createCalendarRouter } from './calendar/create-calendar-router';
import { createCalendarScheduleRouter } from './calendar/create-calendar-schedule-router';
import { createEmbedAdminRouter } from './embed/create-embed-admin-router';
import { createEmbedFormRenderer } from './embed/create-embed-form-renderer';
import { createEmbedPageRouter } from './embed/create-embed-page-router';
import { createEmbedRouter } from './embed/create-embed-router';
import { createUnitValidity } from './units/create-unit-validity';
import { createEmbedTokenCodec } from './embed/create-embed-token-codec';
import { createRateLimiter } from './embed/create-rate-limiter';
import type { EmbedSigningKeys } from './embed/embed-signing-keys';
import { noStore } from './web/no-store';
import { createErrorMiddleware, NotFoundError, type ErrorLogger } from './errors';
import { createFileRouter } from './files/create-file-router';
import type { UploadLimits } from './files/upload-limits';
import { createHealthRouter } from './health/create-health-router';
import { createIdempotency } from './idempotency/create-idempotency';
import { createInboxRouter } from './inbox/create-inbox-router';
import { createNotificationRouter } from './notifications/create-notification-router';
import { apiRoutes } from './openapi/api-routes';
import { createOpenApiDocument } from './openapi/create-openapi-document';
import { createFormRegistry } from './registry/create-form-registry';
import { createProcessRegistry } from './registry/create-process-registry';
import { createRegistryRouter } from './registry/create-registry-router';
import { createCountReader } from './sla/create-count-reader';
import { noteSecurityEvent } from './security/record-security-event';
import { createSlaRouter } from './sla/create-sla-router';
import { createUnitRouter } from './units/create-unit-router';
import { createParameterValidator } from './validation/create-parameter-validator';
import { createRequestValidator } from './validation/create-request-validator';
import { createWebAppRouter } from './web/create-web-app-router';
import type { CurrentUser } from '../api-contract';
import { createPlanRouter } from './plans/create-plan-router';
import { createTransitionRouter } from './transition/create-transition-router';
import { createTransitionService } from './transition/create-transition-service';
import { createPlanStore } from './plans/create-plan-store';
import { createLoadSupportResults } from './reports/create-load-support-results';
import { createCitizenIdHasher } from './overlap/citizen-id-hasher';
import { createPovertyRegisterRouter } from './poverty-register/create-poverty-register-router';
import { createRegisterStore } from './poverty-register/create-register-store';
import { createLoadRegisterCoverage } from './poverty-register/create-load-register-coverage';
import { createLookupSecrets } from './embed/create-lookup-secrets';
import { createWorkflowStateReader } from './dossiers/create-workflow-state-reader';

export interface AppDeps {
  db: Connection;
  models: Models;
  temporal: Client;
  taskQueue: string;
  /**
   * Errors; and warnings (a negative SLA count met, see createCountReader), sent to `error` when there is no `warn`.
   */
  logger: ErrorLogger & { warn?(message: string, meta: Record<string, unknown>): void };
  /** HMAC keys of embed tokens (see loadEmbedSigningKeys and createEmbedTokenCodec). */
  embedSigningKeys: EmbedSigningKeys;
  /** The working calendar; pass the worker's instance when both run in one process so edits are seen at once. */
  calendar?: OfficialCalendar;
  /** Base URL put into embed snippets; defaults to the request's own scheme and host. */
  publicBaseUrl?: string;
  /** The built officer app served at `/` (see createWebAppRouter); defaults to web/dist/app. */
  appRoot?: string;
  /** The built embed bundle served under `/embed/` (iframe page, `ho-so-form.js`); defaults to web/dist/embed. */
  embedRoot?: string;
  now?: () => Date;
  decisionWaitMs?: number;
  /** See workflowIdOf: keeps test systems that share one Temporal namespace apart. */
  workflowIdPrefix?: string;
  /** Quotas of unattached uploads (see createFileRouter); DEFAULT_UPLOAD_LIMITS when absent. */
  uploads?: UploadLimits;
  /** /healthz: how old a live worker's last poll may be (see checkWorkerPolling); default 70 s. */
  workerPollMaxAgeMs?: number;
  /** Single sign-on (oidcConfigFromEnv); off when absent. `oidcKeys` replaces the provider's key set (tests). */
  oidc?: OidcConfig;
  oidcKeys?: ProviderKeys;
  /** The audit chain's anchors (the worker's sealer writes them); without it, a truncated chain goes unnoticed. */
  auditAnchors?: AuditAnchorStore;
  /** Token lives and sign-in throttling (signInSettingsFromEnv); DEFAULT_SIGN_IN_SETTINGS when absent. */
  signIn?: SignInSettings;
  /**
   * The key of the overlap index's citizen-id hashes (loadOverlapKey). Absent (tests), a random one: hashes then
   * match only within this app's life.
   */
  overlapKey?: Buffer;
  /** The overlap rules while an administrator has saved none; DEFAULT_OVERLAP_RULES when absent. */
  overlapDefaults?: readonly OverlapRule[];
  /**
   * Whether unit validity (effectiveFrom/effectiveTo) is enforced on creation, acting, grants and embed tokens;
   * true when absent. Only test systems whose suites still open seed-era dossiers today turn it off.
   */
  enforceUnitValidity?: boolean;
  /** The scrypt cost of password hashes (sign-in, administration); SCRYPT_PARAMS when absent. Tests lower it. */
  passwordParams?: ScryptParams;
}

/** The HTTP edge: every router built from injected dependencies, one error middleware at the end. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use('/api', noStore);
  // Query and path parameters first, from the same route table as the OpenAPI document: nothing runs on a bad one.
  app.use(createParameterValidator(apiRoutes));
  // A background bank-statement import may carry a larger file (its content is bounded at 5,000,000 characters).
  app.use('/api/payments/bank-statement-imports', express.json({ limit: '12mb' }));
  // A commune's whole poverty register (up to 5,000 households with their members), or its workbook, in one body.
  app.use('/api/poverty-registers', express.json({ limit: '12mb' }));
  app.use(express.json({ limit: '1mb' }));

  const signIn = deps.signIn ?? DEFAULT_SIGN_IN_SETTINGS;
  const sessions = createSessionTokens({
    models: deps.models,
    settings: signIn,
    ...(deps.now ? { now: deps.now } : {}),
    onSweepError: (error) => deps.logger.error('session sweep failed', { error: String(error) }),
  });
  const verifyOidcToken = deps.oidc
    ? createVerifyOidcToken({
        config: deps.oidc,
        keys: deps.oidcKeys ?? createProviderKeys({ issuer: deps.oidc.issuer }),
        models: deps.models,
        ...(deps.now ? { now: deps.now } : {}),
      })
    : undefined;
  const authenticate = createAuthenticate({ models: deps.models, sessions, verifyOidcToken });
  const validateBody = createRequestValidator();
  const forms = createFormRegistry({ models: deps.models });
  const processes = createProcessRegistry({ models: deps.models, publishedForms: () => forms.publishedRefs() });
  const calendar = deps.calendar ?? createOfficialCalendar({ models: deps.models });
  const overlapRules = createOverlapRulesStore(deps.models, deps.overlapDefaults);
  const overlapKey = deps.overlapKey ?? randomBytes(32);
  const overlaps = createOverlapChecker({
    models: deps.models,
    key: overlapKey,
    rules: overlapRules,
  });
  const unitValidity = createUnitValidity({
    models: deps.models,
    enforce: deps.enforceUnitValidity ?? true,
    ...(deps.now ? { now: deps.now } : {}),
  });
  const service = createDossierService({
    overlaps,
    unitValidity,
    models: deps.models,
    calendar,
    temporal: deps.temporal,
    taskQueue: deps.taskQueue,
    processes,
    forms,
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.decisionWaitMs ? { decisionWaitMs: deps.decisionWaitMs } : {}),
    ...(deps.workflowIdPrefix ? { workflowIdPrefix: deps.workflowIdPrefix } : {}),
  });
  const openapi = createOpenApiDocument('0.1.0');
  const counts = createCountReader({
    logger: { warn: (m, meta) => (deps.logger.warn ?? deps.logger.error).call(deps.logger, m, meta) },
  });

  app.use(
    createHealthRouter({
      temporal: deps.temporal,
      db: deps.db,
      taskQueue: deps.taskQueue,
      ...(deps.workerPollMaxAgeMs === undefined ? {} : { workerPollMaxAgeMs: deps.workerPollMaxAgeMs }),
    }),
  );
  app.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  app.use(
    createAuthRouter({
      models: deps.models,
      validateBody,
      authenticate,
      sessions,
      settings: signIn,
      ...(deps.passwordParams ? { passwordParams: deps.passwordParams } : {}),
      throttle: createLoginThrottle({
        limiter: createRateLimiter({
          models: deps.models,
          windowMs: signIn.throttleWindowSeconds * 1000,
          ...(deps.now ? { now: () => deps.now!().getTime() } : {}),
          onSweepError: (error) => deps.logger.error('rate window sweep failed', { error: String(error) }),
        }),
        settings: signIn,
      }),
      logger: { warn: (m, meta) => (deps.logger.warn ?? deps.logger.error).call(deps.logger, m, meta) },
      ...(deps.now ? { now: deps.now } : {}),
    }),
  );
  app.use(createAuthConfigRouter({ oidc: deps.oidc }));
  app.get('/api/me', authenticate, (req, res) => {
    const user = authenticatedUser(req);
    res.json({
      id: user.id,
      displayName: user.displayName,
      ...(user.displayNameEn ? { displayNameEn: user.displayNameEn } : {}),
      grants: user.grants,
    } satisfies CurrentUser);
  });
  app.use(createRegistryRouter({ processes, forms, authenticate }));
  app.use(
    createDossierRouter({
      service,
      bulk: createBulkActionService({ service, logger: deps.logger }),
      processes,
      models: deps.models,
      validateBody,
      authenticate,
      idempotency: createIdempotency({ models: deps.models }),
      overlaps,
      ...(deps.now ? { now: deps.now } : {}),
    }),
  );
  app.use(
    createDocumentRouter({
      service,
      processes,
      models: deps.models,
      authenticate,
      ...(deps.now ? { now: deps.now } : {}),
    }),
  );
  app.use(createInboxRouter({ models: deps.models, authenticate, counts, ...(deps.now ? { now: deps.now } : {}) }));
  app.use(
    createUserAdminRouter({
      models: deps.models,
      validateBody,
      authenticate,
      oidcIssuer: deps.oidc?.issuer,
      unitValidity,
      ...(deps.passwordParams ? { passwordParams: deps.passwordParams } : {}),
    }),
  );
  app.use(createUnitAdminRouter({ models: deps.models, validateBody, authenticate }));
  app.use(
    createTransitionRouter({
      models: deps.models,
      transitions: createTransitionService({
        models: deps.models,
        temporal: deps.temporal,
        processes,
        forms,
        ...(deps.workflowIdPrefix ? { workflowIdPrefix: deps.workflowIdPrefix } : {}),
        ...(deps.now ? { now: deps.now } : {}),
      }),
      validateBody,
      authenticate,
    }),
  );
  app.use(createFundSummaryRouter({ models: deps.models, authenticate }));
  app.use(
    createFundRouter({
      models: deps.models,
      ledger: createLedger({ models: deps.models }),
      validateBody,
      authenticate,
      idempotency: createIdempotency({ models: deps.models }),
    }),
  );
  app.use(
    createLoanRouter({
      models: deps.models,
      ledger: createLoanLedger({ models: deps.models, ...(deps.now ? { now: deps.now } : {}) }),
      validateBody,
      authenticate,
      idempotency: createIdempotency({ models: deps.models }),
      unitValidity,
    }),
  );
  const statements = createBankStatementImport({ models: deps.models, service });
  app.use(
    createPaymentRouter({
      statements,
      jobs: createBankStatementJobs({ models: deps.models, statements, logger: deps.logger }),
      orders: createPaymentOrderList({ models: deps.models, processes }),
      validateBody,
      authenticate,
      idempotency: createIdempotency({ models: deps.models }),
    }),
  );
  app.use(createFundDocumentRouter({ models: deps.models, authenticate, ...(deps.now ? { now: deps.now } : {}) }));
  app.use(createReportRouter({ models: deps.models, authenticate, ...(deps.now ? { now: deps.now } : {}) }));
  app.use(
    createAttentionRouter({
      models: deps.models,
      temporal: deps.temporal,
      authenticate,
      ...(deps.workflowIdPrefix ? { workflowIdPrefix: deps.workflowIdPrefix } : {}),
    }),
  );
  app.use(
    createAuditRouter({
      models: deps.models,
      anchors: deps.auditAnchors ?? { append: async () => undefined, readAll: async () => [] },
      authenticate,
    }),
  );
  app.use(createRegistryAdminRouter({ models: deps.models, processes, forms, authenticate }));
  app.use(createSlaRouter({ models: deps.models, authenticate, counts, ...(deps.now ? { now: deps.now } : {}) }));
  app.use(createNotificationRouter({ models: deps.models, authenticate }));
  app.use(createFileRouter({ models: deps.models, authenticate, ...(deps.uploads ? { limits: deps.uploads } : {}) }));
  app.use(
    createUnitRouter({
      models: deps.models,
      authenticate,
      enforceUnitValidity: deps.enforceUnitValidity ?? true,
      ...(deps.now ? { now: deps.now } : {}),
    }),
  );
  app.use(createCalendarRouter({ models: deps.models, calendar, validateBody, authenticate }));
  app.use(createCalendarScheduleRouter({ models: deps.models, calendar, validateBody, authenticate }));
  app.use(createOverlapAdminRouter({ models: deps.models, rules: overlapRules, validateBody, authenticate }));
  const codec = createEmbedTokenCodec(deps.embedSigningKeys);
  const idempotency = createIdempotency({ models: deps.models });
  app.use(
    createEmbedAdminRouter({
      models: deps.models,
      processes,
      codec,
      validateBody,
      authenticate,
      publicBaseUrl: (req) => deps.publicBaseUrl ?? `${req.protocol}://${req.get('host')}`,
      unitValidity,
      ...(deps.now ? { now: deps.now } : {}),
    }),
  );
  const renderer = createEmbedFormRenderer({ logger: deps.logger });
  app.use(
    createEmbedRouter({
      models: deps.models,
      codec,
      processes,
      forms,
      service,
      unitValidity,
      limiter: createRateLimiter({
        models: deps.models,
        ...(deps.now ? { now: () => deps.now!().getTime() } : {}),
        onSweepError: (error) => deps.logger.error('rate window sweep failed', { error: String(error) }),
      }),
      validateBody,
      idempotency,
      calendar,
      renderer,
      ...(deps.publicBaseUrl ? { publicOrigin: new URL(deps.publicBaseUrl).origin } : {}),
      secrets: createLookupSecrets(deps.embedSigningKeys),
      workflowState: createWorkflowStateReader(deps.temporal, deps.workflowIdPrefix),
      ...(deps.now ? { now: deps.now } : {}),
    }),
  );
  app.use(
    createEmbedPageRouter({
      codec,
      models: deps.models,
      processes,
      forms,
      renderer,
      ...(deps.embedRoot ? { distDir: deps.embedRoot } : {}),
    }),
  );
  const registers = createRegisterStore({ models: deps.models });
  app.use(
    createPlanRouter({
      models: deps.models,
      plans: createPlanStore({ models: deps.models }),
      loadSupportResults: createLoadSupportResults({ models: deps.models }),
      loadRegisterCoverage: createLoadRegisterCoverage({ models: deps.models, registers }),
      validateBody,
      authenticate,
      ...(deps.now ? { now: deps.now } : {}),
    }),
  );
  app.use(
    createPovertyRegisterRouter({
      models: deps.models,
      registers,
      hash: createCitizenIdHasher(overlapKey),
      validateBody,
      authenticate,
      ...(deps.now ? { now: deps.now } : {}),
    }),
  );
  app.use('/api', (req, _res, next) => next(new NotFoundError(`route ${req.method} ${req.originalUrl.split('?')[0]}`)));
  app.use(
    createWebAppRouter({
      ...(deps.appRoot ? { distDir: path.resolve(deps.appRoot) } : {}),
      ...(deps.oidc ? { connectOrigins: [new URL(deps.oidc.issuer).origin] } : {}),
    }),
  );
  app.use(
    createErrorMiddleware(deps.logger, {
      onRefused: (req, refusal) => noteSecurityEvent(deps.models, { kind: 'refused', req, ...refusal }, deps.logger),
    }),
  );
  return app;
}
