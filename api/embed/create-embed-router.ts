import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Models } from '../../storage/create-models';
import type { EmbedTokenDoc } from '../../storage/embed-token-schema';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar';
import { setAuthenticatedUser } from '../auth/authenticated-user';
import type { DossierService } from '../dossiers/create-dossier-service';
import { DomainError, ForbiddenError, ValidationError } from '../errors';
import { idempotencyIdOf } from '../idempotency/create-idempotency';
import type { FormRegistry } from '../registry/create-form-registry';
import type { ProcessRegistry } from '../registry/create-process-registry';
import { listUnits } from '../units/list-units';
import type { UnitList } from '../../api-contract';
import { subtreeOf } from '../units/subtree-of';
import { parseUnitQuery, vietnamToday } from '../units/parse-unit-query';
import { resolveUnitChain } from '../units/resolve-unit-chain';
import type { UnitValidity } from '../units/create-unit-validity';
import type { RequestValidator } from '../validation/create-request-validator';
import { computeAppointmentDate } from './compute-appointment-date';
import type { EmbedTokenCodec } from './create-embed-token-codec';
import type { RateLimiter } from './create-rate-limiter';
import type { EmbedFormRenderer } from './create-embed-form-renderer';
import { describeEmbedForm } from './describe-embed-form';
import { parseLang } from '../../web/shared/i18n/lang';
import { resolveEmbedToken } from './resolve-embed-token';
import { checkedParameters } from '../validation/checked-parameters';
import { NOT_STORED } from '../idempotency/create-idempotency';
import { describeCitizenStatus } from './describe-citizen-status';
import { hashLookupSecret, lookupSecretMatches } from './lookup-secret';
import type { LookupSecrets } from './create-lookup-secrets';
import { createReceiptReplay } from './create-receipt-replay';
import { citizenStatusSourceOf } from './citizen-status-source-of';
import type { DossierState } from '../../domain/process/dossier-state';

/** The role recorded for dossiers started through an embedded form. */
export const PORTAL_ROLE = 'portal';

/**
 * Refused (422) submissions one client address may send per minute, whatever the token; past it they get 429. They
 * never touch a token's own budget, which counts valid submissions per token and client address.
 */
export const INVALID_PER_MINUTE = 20;

/**
 * Status lookups one client address may make per minute, whatever the token and whatever their answer: with a
 * 59-bit secret this keeps guessing hopeless, and a citizen checking a dossier needs one or two.
 */
export const LOOKUPS_PER_MINUTE = 10;

const TOKEN = Symbol('embedToken');
const tokenOf = (req: Request): EmbedTokenDoc =>
  (req as unknown as Record<symbol, EmbedTokenDoc>)[TOKEN] as EmbedTokenDoc;

/**
 * Public endpoints for embedded forms, authorised by an embed token in the path (it is not secret: it sits in the
 * host page; what protects it is its signature, expiry, revocation and origin binding). A submission needs an
 * `Origin` (403 `embed_origin_required` without one); it is validated first, and only a valid one is counted, in a
 * bucket per token and client address (`req.ip`), so nobody can spend a portal's budget for its other visitors;
 * refused ones count per address against INVALID_PER_MINUTE. A request from a browser
 * on another origin must come from one of the token's origins: only those get CORS headers, others get 403 (and,
 * having no CORS headers, cannot read even that). Requests from our own origin (the iframe page) and without an
 * Origin (same-origin GET, server to server) need only a valid token.
 */
export function createEmbedRouter(deps: {
  models: Models;
  codec: EmbedTokenCodec;
  processes: ProcessRegistry;
  forms: FormRegistry;
  service: DossierService;
  /** Whether the token's unit (and the units above it) are in force today: a retired one takes no submission. */
  unitValidity: UnitValidity;
  limiter: RateLimiter;
  validateBody: RequestValidator;
  idempotency: RequestHandler;
  calendar: WorkingCalendar;
  /** Server-side rendering for `GET …/form?render=html`; without it the answer has no `html`. */
  renderer?: EmbedFormRenderer;
  /** The origin of HOSO_PUBLIC_URL when the API runs behind a proxy. */
  publicOrigin?: string;
  /** Derives receipts' lookup secrets (and derives them again for a replayed receipt). */
  secrets: LookupSecrets;
  /**
   * The dossier's workflow state from Temporal, undefined when it has no workflow: a lookup made before the
   * projection wrote the read model's document (right after the receipt) is answered from it.
   */
  workflowState: (dossierId: string) => Promise<DossierState | undefined>;
  now?: () => Date;
}): Router {
  const now = deps.now ?? (() => new Date());
  const router = Router();

  const resolveToken: RequestHandler = async (req, res, next) => {
    const resolved = await resolveEmbedToken(deps, String(req.params.token));
    if (!resolved.ok) return next(resolved.error);
    const doc = resolved.token;
    const origin = req.get('origin');
    // Our own pages (the iframe) may call us; behind a proxy their origin is the public one, not the request's.
    const own = origin === deps.publicOrigin || origin === `${req.protocol}://${req.get('host')}`;
    if (origin && !own) {
      if (!doc.origins.includes(origin)) {
        return next(
          new ForbiddenError({
            vi: 'Trang này không được phép nhúng biểu mẫu',
            en: 'this origin may not embed the form',
          }),
        );
      }
      allowOrigin(res, origin);
    }
    (req as unknown as Record<symbol, EmbedTokenDoc>)[TOKEN] = doc;
    setAuthenticatedUser(req, { id: `embed:${doc._id}`, displayName: doc.label, grants: [] });
    if (req.method === 'OPTIONS') {
      res.set({
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': 'content-type, idempotency-key, accept-language',
        'Access-Control-Max-Age': '600',
      });
      res.status(204).end();
      return;
    }
    next();
  };
  router.use('/api/embed/:token', resolveToken);

  // `?render=html` adds the form rendered on the server (in `?lang`), which the `<ho-so-form>` loader paints,
  // inert, while the element's code loads.
  router.get('/api/embed/:token/form', async (req, res) => {
    const described = await describeEmbedForm(deps, tokenOf(req));
    const query = checkedParameters<{ render: 'html'; lang: 'vi' | 'en' }>(req).query;
    if (query.render !== 'html') {
      res.json(described);
      return;
    }
    const lang = parseLang(query.lang);
    const rendered = deps.renderer?.render(described, lang, String(req.params.token));
    res.json(rendered ? { ...described, html: rendered.html } : described);
  });

  // The units a person may pick in the form: the whole province of the token's unit, since a household's unit need
  // not be the receiving one (from 2025 a service centre may receive a dossier for anywhere in its province).
  router.get('/api/embed/:token/units', async (req, res) => {
    const today = vietnamToday();
    const query = parseUnitQuery(checkedParameters(req).query, today);
    const chain = await resolveUnitChain(deps.models, tokenOf(req).unitCode);
    const province = chain.units[chain.units.length - 1]!._id;
    res.json({
      at: query.at,
      under: query.under,
      area: province,
      items: await listUnits(deps.models, query, today, await subtreeOf(deps.models, [province])),
    } satisfies UnitList);
  });

  const replay = createReceiptReplay({ models: deps.models, secrets: deps.secrets });
  router.post('/api/embed/:token/submissions', replay, deps.idempotency, async (req, res) => {
    const token = tokenOf(req);
    // A portal's page always sends Origin with a POST; a request without one is a script, not a citizen's browser.
    if (!req.get('origin')) {
      throw new DomainError(403, 'embed_origin_required', {
        vi: 'Chỉ nhận hồ sơ gửi từ trang được phép nhúng biểu mẫu (thiếu tiêu đề Origin)',
        en: 'submissions are accepted only from a page allowed to embed the form (no Origin header)',
      });
    }
    // A token of a unit retired since it was issued (a ward of the 2025 reform) takes nothing more: 410, for good,
    // naming the unit; the portal should link the successor's form instead (docs/embedding.md).
    const chain = await resolveUnitChain(deps.models, token.unitCode);
    const retired = deps.unitValidity.firstRetired(chain.units);
    if (retired) {
      const why = deps.unitValidity.describe(retired);
      throw new DomainError(410, 'embed_unit_retired', {
        vi: `${why.vi}: biểu mẫu này không còn nhận hồ sơ`,
        en: `${why.en}: this form takes no more submissions`,
      });
    }
    const client = req.ip ?? 'unknown';
    const refuseIfLimited = (key: string, limitPerMinute: number) => refuseOverLimit(res, key, limitPerMinute);
    const actor = { userId: `embed:${token._id}`, role: PORTAL_ROLE, unitCode: token.unitCode };
    let created;
    try {
      const body = deps.validateBody<{ data: Record<string, unknown>; overlapOverride?: { reason: string } }>(
        'EmbedSubmissionRequest',
        req.body,
      );
      const command = {
        processKey: token.processKey,
        ...(token.processVersion ? { processVersion: token.processVersion } : {}),
        data: body.data,
        ...(body.overlapOverride ? { overlapOverride: body.overlapOverride } : {}),
      };
      // Only a valid submission spends budget, and only its own client's share of the token's (docs/embedding.md).
      created = await deps.service.createAs(actor, command, idempotencyIdOf(req), {
        admit: () => refuseIfLimited(`embed|${token._id}|${client}`, token.rateLimitPerMinute),
        audience: 'citizen',
      });
    } catch (error) {
      // Refused data costs the portal nothing, but a flood of it from one address still meets a limit of its own.
      if (error instanceof ValidationError) await refuseIfLimited(`embed-invalid|${client}`, INVALID_PER_MINUTE);
      throw error;
    }
    const { dossierId, state } = created;
    const definition = await deps.processes.get(
      token.processKey,
      state?.processVersion ?? token.processVersion ?? undefined,
    );
    const receivedAt = state?.openedAt ?? new Date().toISOString();
    const unit = await deps.models.Unit.findById(token.unitCode, { name: 1 }).lean();
    // The citizen's lookup secret, derived from the dossier code (createLookupSecrets): only its hash and key id are
    // kept, and the idempotency record stores the answer without it; a retry after a 5xx writes the same hash again,
    // and a replayed answer (same idempotency key) gets the same secret derived again (createReceiptReplay).
    const { secret: lookupSecret, kid } = deps.secrets.derive(dossierId);
    await deps.models.CitizenLookup.updateOne(
      { _id: dossierId },
      { $set: { secretHash: hashLookupSecret(lookupSecret), kid, tokenId: token._id, createdAt: new Date() } },
      { upsert: true },
    );
    res.locals[NOT_STORED] = ['lookupSecret'];
    res.status(201).json({
      dossierId,
      lookupSecret,
      receivedAt,
      appointmentDate: await computeAppointmentDate(definition, receivedAt, deps.calendar, token.unitCode),
      process: { key: definition.key, version: definition.version, title: definition.title },
      unit: { code: token.unitCode, name: unit?.name ?? token.unitCode },
    });
  });
  // A citizen's status lookup: dossier code and the secret from the receipt. Every lookup counts against the client
  // address's budget first; a wrong code and a wrong secret are the same 404, after the same work.
  router.post('/api/embed/:token/status', async (req, res) => {
    await refuseOverLimit(res, `embed-status|${req.ip ?? 'unknown'}`, LOOKUPS_PER_MINUTE);
    const body = deps.validateBody<{ code: string; secret: string }>('CitizenStatusRequest', req.body);
    const code = body.code.trim().toUpperCase();
    const lookup = await deps.models.CitizenLookup.findById(code, { secretHash: 1 }).lean();
    const matches = lookupSecretMatches(body.secret, lookup?.secretHash);
    // The receipt is sent once the lookup record is written, but the read model's document follows the workflow
    // asynchronously: until the projection has written it, the workflow's own state answers.
    const view = matches ? await deps.models.DossierView.findById(code).lean() : null;
    const state = matches && !view ? await deps.workflowState(code) : undefined;
    const source = view ?? (state ? citizenStatusSourceOf(state, now()) : null);
    if (!matches || !source) {
      throw new DomainError(404, 'dossier_lookup_not_found', {
        vi: 'Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu này. Vui lòng kiểm tra lại hai mã trên giấy tiếp nhận.',
        en: 'No dossier matches this dossier code and lookup code. Please check both codes on the receipt.',
      });
    }
    const definition = await deps.processes.get(source.processKey, source.processVersion);
    const unitCode = source.processingUnit;
    const unit = unitCode ? await deps.models.Unit.findById(unitCode, { name: 1 }).lean() : null;
    res.set('Cache-Control', 'no-store');
    res.json(describeCitizenStatus(source, definition, unit?.name ?? null));
  });
  return router;

  async function refuseOverLimit(res: Response, key: string, limitPerMinute: number): Promise<void> {
    const retryAfter = await deps.limiter.hit(key, limitPerMinute);
    if (retryAfter > 0) {
      res.set('Retry-After', String(retryAfter));
      throw new DomainError(429, 'rate_limited', {
        vi: 'Gửi quá nhiều lần, vui lòng thử lại sau',
        en: 'too many requests, retry later',
      });
    }
  }
}

function allowOrigin(res: Response, origin: string): void {
  res.set({
    'Access-Control-Allow-Origin': origin,
    Vary: 'Origin',
    'Access-Control-Expose-Headers': 'Retry-After, Idempotent-Replayed',
  });
}
