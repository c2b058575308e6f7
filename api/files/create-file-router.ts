import { createHash, randomBytes } from 'node:crypto';
import express, { Router, type RequestHandler } from 'express';
import type { Models } from '../../storage/create-models';
import { authenticatedUser } from '../auth/authenticated-user';
import { DomainError, NotFoundError, ValidationError } from '../errors';
import { resolveUnitChain } from '../units/resolve-unit-chain';
import { ACCEPTED_CONTENT_TYPES, contentMatches } from './sniff-content-type';
import type { StoredFile } from '../../api-contract';

/** A lean document holds a BSON Binary where the schema says Buffer; `value()` is exactly its bytes. */
function asBuffer(data: unknown): Buffer {
  if (Buffer.isBuffer(data)) return data;
  const binary = data as { value(): Uint8Array };
  return Buffer.from(binary.value());
}

export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/**
 * Attachments: `POST /api/files` with the raw bytes as the body and their type as Content-Type (JPEG, PNG, WebP or
 * PDF, ≤ 8 MiB, checked by magic bytes) → `{ fileId, contentType, size, sha256 }`; `GET /api/files/:id` returns the
 * bytes to users with a grant in the uploader's unit chain (404 to anyone else, as for dossiers).
 */
export function createFileRouter(deps: { models: Models; authenticate: RequestHandler }): Router {
  const router = Router();
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
      'Cache-Control': 'private, max-age=3600, immutable',
      ETag: `"${file.sha256}"`,
    });
    res.end(asBuffer(blob.data));
  });
  return router;
}
