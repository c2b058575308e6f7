import { randomBytes } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import type { Models } from '../../storage/create-models';
import type { EmbedTokenDoc } from '../../storage/embed-token-schema';
import { authenticatedUser } from '../auth/authenticated-user';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import type { ProcessRegistry } from '../registry/create-process-registry';
import { administeredSubtree } from '../admin/administered-subtree';
import { assertAdminOf } from '../admin/assert-admin-of';
import { recordAdminEvent } from '../admin/record-admin-event';
import type { RequestValidator } from '../validation/create-request-validator';
import type { EmbedTokenCodec } from './create-embed-token-codec';
import { webOriginOf } from './web-origin-of';
import type { EmbedToken, EmbedTokenList } from '../../api-contract';
import type { UnitValidity } from '../units/create-unit-validity';

/**
 * The longest an embed token may live: 400 days from its creation (a year and a margin to hand over the next one).
 * A leaked token is thus useful for a bounded time even if nobody revokes it; a portal asks for a new one after.
 */
export const EMBED_TOKEN_MAX_LIFETIME_DAYS = 400;
export const EMBED_TOKEN_MAX_LIFETIME_MS = EMBED_TOKEN_MAX_LIFETIME_DAYS * 86_400_000;

/** Plain http is allowed only for the machine itself (a developer's or a test's host page). */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `scheme://host[:port]` of an allowed origin; 422 at the origin's index for one that is not a web origin. */
function originOf(value: string, index: number): string {
  const origin = webOriginOf(value);
  if (origin !== undefined) {
    const url = new URL(origin);
    if (url.protocol === 'https:' || LOOPBACK_HOSTS.has(url.hostname)) return origin;
    throw new ValidationError([
      {
        path: `/origins/${index}`,
        keyword: 'https',
        message: {
          vi: `Trang được phép nhúng: “${origin}” phải dùng https (chỉ http://localhost được dùng http, để thử nghiệm)`,
          en: `Allowed origin: "${origin}" must use https (only http://localhost may use http, for testing)`,
        },
      },
    ]);
  }
  throw new ValidationError([
    {
      path: `/origins/${index}`,
      keyword: 'format',
      message: {
        vi: `Trang được phép nhúng: “${value.slice(0, 100)}” không phải địa chỉ trang web hợp lệ (http hoặc https, tên miền hoặc địa chỉ IP, cổng nếu có, không có đường dẫn), ví dụ https://dichvucong.hanoi.gov.vn`,
        en: `Allowed origin: "${value.slice(0, 100)}" is not a valid origin (http or https, a host name or IP address, an optional port, no path), e.g. https://dichvucong.hanoi.gov.vn`,
      },
    },
  ]);
}

/** 422 at `/expiresAt` unless the expiry is after `now` and at most EMBED_TOKEN_MAX_LIFETIME_MS after it. */
function checkExpiry(expiresAt: string, now: Date): Date {
  const expiry = new Date(expiresAt);
  if (!(expiry.getTime() > now.getTime())) {
    throw new ValidationError([
      {
        path: '/expiresAt',
        keyword: 'minimum',
        message: { vi: 'Thời điểm hết hạn phải ở tương lai', en: 'expiresAt must be in the future' },
      },
    ]);
  }
  if (expiry.getTime() > now.getTime() + EMBED_TOKEN_MAX_LIFETIME_MS) {
    throw new ValidationError([
      {
        path: '/expiresAt',
        keyword: 'maximum',
        message: {
          vi: `Hết hạn lúc: mã nhúng chỉ có hiệu lực tối đa ${EMBED_TOKEN_MAX_LIFETIME_DAYS} ngày kể từ khi tạo`,
          en: `Expires at: an embed token may be valid for at most ${EMBED_TOKEN_MAX_LIFETIME_DAYS} days from its creation`,
        },
      },
    ]);
  }
  return expiry;
}

interface CreateEmbedTokenRequest {
  label: string;
  processKey: string;
  processVersion?: number;
  unitCode: string;
  origins: string[];
  expiresAt: string;
  rateLimitPerMinute?: number;
}

/**
 * Administration of embed tokens: create (returns the token and copy-paste snippets), list, revoke. A token names
 * at most 20 well-formed web origins ({@link webOriginOf}: no path, no wildcard), https ones except for the loopback
 * host, and expires in the future, at most EMBED_TOKEN_MAX_LIFETIME_DAYS after its creation
 * (422 at the field otherwise, nothing stored). Every change is
 * recorded on the token (createdBy, revokedBy and times) and in the administrative audit log; revoking a revoked
 * token is 409 `embed_token_revoked`.
 */
/**
 * The iframe snippet a portal pastes as it is: the frame and the few lines that follow the form's height (the form
 * posts `resize` to the host's exact origin; without a listener the frame stays the browser's 150 pixels). The
 * listener takes only messages from this server's origin and this frame. The status lookup's page (`status`) is
 * pasted the same way, in a frame of its own.
 */
function iframeSnippet(
  baseUrl: string,
  token: string,
  doc: EmbedTokenDoc,
  page: { path: 'form' | 'status'; title: string; minHeight: number } = {
    path: 'form',
    title: doc.label,
    minHeight: 480,
  },
): string {
  const frameId = `hoso-${page.path === 'form' ? '' : 'status-'}${doc._id.replace(/[^A-Za-z0-9_-]/g, '')}`;
  const apiOrigin = new URL(baseUrl).origin;
  const title = page.title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const style = `width:100%;min-height:${page.minHeight}px;border:0`;
  return [
    `<iframe id="${frameId}" src="${baseUrl}/embed/${page.path}/${token}" title="${title}" style="${style}" loading="lazy"></iframe>`,
    '<script>',
    "  addEventListener('message', function (e) {",
    `    var f = document.getElementById('${frameId}');`,
    `    if (!f || e.origin !== '${apiOrigin}' || e.source !== f.contentWindow || !e.data || e.data.source !== 'hoso-embed') return;`,
    "    if (e.data.type === 'resize') f.style.height = e.data.height + 'px';",
    '  });',
    '</script>',
  ].join('\n');
}

export function createEmbedAdminRouter(deps: {
  models: Models;
  processes: ProcessRegistry;
  codec: EmbedTokenCodec;
  validateBody: RequestValidator;
  authenticate: RequestHandler;
  publicBaseUrl: (req: Parameters<RequestHandler>[0]) => string;
  /** A token is issued only for a unit in force today (422 at /unitCode otherwise). */
  unitValidity: UnitValidity;
  now?: () => Date;
}): Router {
  const router = Router();
  const now = deps.now ?? (() => new Date());
  const { models } = deps;
  const present = (doc: EmbedTokenDoc, baseUrl: string): EmbedToken => {
    const token = deps.codec.encode({ id: doc._id, exp: Math.floor(doc.expiresAt.getTime() / 1000) });
    return {
      id: doc._id,
      label: doc.label,
      processKey: doc.processKey,
      processVersion: doc.processVersion,
      unitCode: doc.unitCode,
      origins: doc.origins,
      rateLimitPerMinute: doc.rateLimitPerMinute,
      createdBy: doc.createdBy,
      createdAt: doc.createdAt.toISOString(),
      expiresAt: doc.expiresAt.toISOString(),
      revokedAt: doc.revokedAt?.toISOString() ?? null,
      token,
      snippets: {
        iframe: iframeSnippet(baseUrl, token, doc),
        script: `<script src="${baseUrl}/embed/ho-so-form.js" defer></script>\n<ho-so-form token="${token}"></ho-so-form>`,
        statusIframe: iframeSnippet(baseUrl, token, doc, { path: 'status', title: 'Tra cứu hồ sơ', minHeight: 360 }),
        statusScript: `<script src="${baseUrl}/embed/tra-cuu-ho-so.js" defer></script>\n<tra-cuu-ho-so token="${token}"></tra-cuu-ho-so>`,
      },
    };
  };

  router.post('/api/admin/embed-tokens', deps.authenticate, async (req, res) => {
    const user = authenticatedUser(req);
    const body = deps.validateBody<CreateEmbedTokenRequest>('CreateEmbedTokenRequest', req.body);
    const createdAt = now();
    const expiresAt = checkExpiry(body.expiresAt, createdAt);
    const origins = [...new Set(body.origins.map(originOf))];
    await assertAdminOf(models, user, body.unitCode);
    const [retired] = await deps.unitValidity.retired([body.unitCode]);
    if (retired) {
      const why = deps.unitValidity.describe(retired);
      throw new ValidationError([
        {
          path: '/unitCode',
          keyword: 'unitInForce',
          message: { vi: `${why.vi}: không cấp mã nhúng cho đơn vị này`, en: `${why.en}: no embed token for it` },
        },
      ]);
    }
    const definition = await deps.processes.get(body.processKey, body.processVersion);
    const doc: EmbedTokenDoc = {
      _id: `emb_${randomBytes(12).toString('base64url')}`,
      label: body.label,
      processKey: definition.key,
      processVersion: body.processVersion ?? null,
      unitCode: body.unitCode,
      origins,
      rateLimitPerMinute: body.rateLimitPerMinute ?? 30,
      createdBy: user.id,
      createdAt,
      expiresAt,
      revokedAt: null,
      revokedBy: null,
    };
    await models.EmbedToken.create(doc);
    await recordAdminEvent(models, {
      by: user.id,
      kind: 'embed_token.create',
      target: doc._id,
      scope: doc.unitCode,
      at: doc.createdAt,
      details: { processKey: doc.processKey, origins: doc.origins },
    });
    res.status(201).json(present(doc, deps.publicBaseUrl(req)));
  });

  router.get('/api/admin/embed-tokens', deps.authenticate, async (req, res) => {
    const user = authenticatedUser(req);
    const subtree = await administeredSubtree(models, user);
    const docs = await models.EmbedToken.find({ unitCode: { $in: [...subtree] } })
      .sort({ createdAt: -1 })
      .limit(500)
      .lean();
    res.json({ items: docs.map((d) => present(d, deps.publicBaseUrl(req))) } satisfies EmbedTokenList);
  });

  router.post('/api/admin/embed-tokens/:id/revoke', deps.authenticate, async (req, res) => {
    const user = authenticatedUser(req);
    const doc = await models.EmbedToken.findById(String(req.params.id)).lean();
    if (!doc) throw new NotFoundError(`embed token ${String(req.params.id).slice(0, 40)}`);
    await assertAdminOf(models, user, doc.unitCode);
    // Conditional on the token not being revoked: of concurrent revocations (or a repeat) exactly one is applied,
    // recorded on the token and in the audit log; the others are 409 and the token keeps who revoked it first.
    const revokedAt = new Date();
    const revoked = await models.EmbedToken.updateOne(
      { _id: doc._id, revokedAt: null },
      { $set: { revokedAt, revokedBy: user.id } },
    );
    if (revoked.matchedCount === 0) {
      throw new ConflictError(
        { vi: `Mã nhúng ${doc._id} đã bị thu hồi trước đó`, en: `embed token ${doc._id} was already revoked` },
        { code: 'embed_token_revoked' },
      );
    }
    await recordAdminEvent(models, {
      by: user.id,
      kind: 'embed_token.revoke',
      target: doc._id,
      scope: doc.unitCode,
      at: revokedAt,
    });
    res.json(present({ ...doc, revokedAt, revokedBy: user.id }, deps.publicBaseUrl(req)));
  });
  return router;
}
