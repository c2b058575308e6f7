import { createHash, randomBytes } from 'node:crypto';
import express, { Router, type RequestHandler, type Response } from 'express';
import type { Models } from '../../storage/create-models';
import { authenticatedUser } from '../auth/authenticated-user';
import { DomainError, NotFoundError, ValidationError } from '../errors';
import { resolveUnitChain } from '../units/resolve-unit-chain';
import { ACCEPTED_CONTENT_TYPES, contentMatches } from './sniff-content-type';
import type { StoredFile } from '../../api-contract';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './upload-limits';

/** A lean document holds a BSON Binary where the schema says Buffer; `value()` is exactly its bytes. */
function asBuffer(data: unknown): Buffer {
  if (Buffer.isBuffer(data)) return data;
  const binary = data as { value(): Uint8Array };
  return Buffer.from(binary.value());
}

export const MAX_FILE_BYTES = 8 * 1024 * 1024;

const MIB = 1024 * 1024;
const mib = (bytes: number) => `${Math.round((bytes / MIB) * 10) / 10}`;

/**
 * Attachments: `POST /api/files` with the raw bytes as the body and their type as Content-Type (JPEG, PNG, WebP or
 * PDF, ≤ 8 MiB, checked by magic bytes) → `{ fileId, contentType, size, sha256 }`; `GET /api/files/:id` returns the
 * bytes to users with a grant in the uploader's unit chain (404 to anyone else, as for dossiers).
 *
 * An upload is `unattached` until form data that references it is stored. Each user may hold at most
 * `limits.maxUnattachedFiles` unattached uploads of at most `limits.maxUnattachedBytes` together: past that the upload
 * is 429 `upload_quota_exceeded` (nothing stored), with `Retry-After` until the oldest one is swept. The check reads
 * then writes, so concurrent uploads of one user may pass it together: the bound is the quota plus the uploads in
 * flight (each ≤ 8 MiB).
 */
export function createFileRouter(deps: {
  models: Models;
  authenticate: RequestHandler;
  limits?: UploadLimits;
}): Router {
  const router = Router();
  const limits = deps.limits ?? DEFAULT_UPLOAD_LIMITS;

  /** 429 when one more upload of `size` bytes would take the user past the quota of unattached uploads. */
  async function checkQuota(userId: string, size: number, res: Response): Promise<void> {
    const held = await deps.models.StoredFile.find(
      { uploadedBy: userId, state: 'unattached' },
      { size: 1, createdAt: 1 },
    ).lean();
    const bytes = held.reduce((sum, f) => sum + f.size, 0);
    if (held.length + 1 <= limits.maxUnattachedFiles && bytes + size <= limits.maxUnattachedBytes) return;
    const oldest = Math.min(...held.map((f) => f.createdAt.getTime()));
    const retryAfter = Number.isFinite(oldest)
      ? Math.max(1, Math.ceil((oldest + limits.unattachedMaxAgeMs - Date.now()) / 1000))
      : 1;
    res.set('Retry-After', String(retryAfter));
    throw new DomainError(429, 'upload_quota_exceeded', {
      vi: `Bạn đang có ${held.length} tệp (${mib(bytes)} MiB) đã tải lên nhưng chưa đính kèm vào hồ sơ nào; tối đa ${limits.maxUnattachedFiles} tệp và ${mib(limits.maxUnattachedBytes)} MiB. Hãy gửi biểu mẫu có các tệp đó trước khi tải thêm; tệp không được đính kèm sẽ tự xoá sau ${Math.round(limits.unattachedMaxAgeMs / 3_600_000)} giờ.`,
      en: `You hold ${held.length} uploaded files (${mib(bytes)} MiB) not yet attached to any dossier; at most ${limits.maxUnattachedFiles} files and ${mib(limits.maxUnattachedBytes)} MiB are allowed. Submit the form that uses them before uploading more; unattached files are removed after ${Math.round(limits.unattachedMaxAgeMs / 3_600_000)} hours.`,
    });
  }
  const raw = express.raw({ type: () => true, limit: MAX_FILE_BYTES });

  router.post('/api/files', deps.authenticate, raw, async (req, res) => {
    const user = authenticatedUser(req);
    const contentType = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!ACCEPTED_CONTENT_TYPES.includes(contentType)) {
      throw new DomainError(415, 'unsupported_media_type', {
        vi: `Chỉ nhận tệp ảnh JPEG, PNG, WebP hoặc PDF (nhận được: ${contentType || 'không rõ'})`,
        en: `only JPEG, PNG, WebP or PDF files are accepted (got: ${contentType || 'none'})`,
      });
    }
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (bytes.length === 0 || !contentMatches(contentType, bytes)) {
      throw new ValidationError([
        {
          path: '/body',
          keyword: 'contentType',
          message: {
            vi: `Nội dung tệp không phải ${contentType}`,
            en: `the file content is not ${contentType}`,
          },
        },
      ]);
    }
    await checkQuota(user.id, bytes.length, res);
    const grant = user.grants[0];
    const unitChain = grant ? (await resolveUnitChain(deps.models, grant.unitCode)).units.map((u) => u._id) : [];
    const fileId = randomBytes(18).toString('base64url');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const nameHeader = req.get('x-file-name');
    let fileName: string | null;
    try {
      fileName = nameHeader ? decodeURIComponent(nameHeader).slice(0, 200) : null;
    } catch {
      fileName = null;
    }
    // The blob first: a file record never points at missing bytes.
    await deps.models.FileBlob.create({ _id: fileId, data: bytes });
    await deps.models.StoredFile.create({
      _id: fileId,
      contentType,
      size: bytes.length,
      sha256,
      fileName,
      uploadedBy: user.id,
      unitChain,
      createdAt: new Date(),
      state: 'unattached',
    });
    res
      .status(201)
      .location(`/api/files/${fileId}`)
      .json({ fileId, contentType, size: bytes.length, sha256, fileName } satisfies StoredFile);
  });

  router.get('/api/files/:id', deps.authenticate, async (req, res) => {
    const user = authenticatedUser(req);
    const id = String(req.params.id);
    const file = await deps.models.StoredFile.findById(id).lean();
    if (!file || !user.grants.some((g) => file.unitChain.includes(g.unitCode)))
      throw new NotFoundError(`file ${id.slice(0, 64)}`);
    const blob = await deps.models.FileBlob.findById(id).lean();
    if (!blob) throw new NotFoundError(`file ${id}`);
    res.set({
      'Content-Type': file.contentType,
      'Content-Length': String(file.size),
      'Content-Disposition': 'inline',
      'X-Content-Type-Options': 'nosniff',
      // An attachment is often a scan of an identity card or a household's papers: kept in no cache, like every
      // answer under /api/.
      'Cache-Control': 'private, no-store',
      ETag: `"${file.sha256}"`,
    });
    res.end(asBuffer(blob.data));
  });
  return router;
}
