import { IDEMPOTENCY_KEY_PATTERN } from './idempotency-key-pattern';
import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Models } from '../../storage/create-models';
import { IDEMPOTENCY_TTL_MS } from '../../storage/idempotency-record-schema';
import { authenticatedUser } from '../auth/authenticated-user';
import { ConflictError, pickLanguage, ValidationError } from '../errors';
import { isDuplicateKeyError } from '../../storage/is-duplicate-key-error';
import { canonicalRoute } from './canonical-route';

/** A claim older than this whose request never finished (a crash) may be taken over by a retry. */
const CLAIM_LEASE_MS = 60_000;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const ID = Symbol('idempotencyId');
/**
 * `res.locals[NOT_STORED]`: top-level members of the JSON answer that are sent once and never stored with the key
 * (a secret shown once); a replay answers without them.
 */
export const NOT_STORED = 'idempotencyNotStored';

/** The idempotency id of this request (derived from user, method, route and key), or undefined without a key. */
export function idempotencyIdOf(req: Request): string | undefined {
  return (req as unknown as Record<symbol, string | undefined>)[ID];
}

/**
 * `Idempotency-Key` support for POST routes. The first request with a key runs and its response (status and
 * body) is stored; a repeat with the same key and body gets that stored response again with
 * `Idempotent-Replayed: true` and does not act twice; the same key with another body is 422; a repeat while the
 * first is still running is 409. A 5xx, a 429 or a 202 (still processing) is not a final answer: the record is marked
 * `failed` and a retry with the same key runs again. That is safe because the id is handed to the service, which
 * derives the Temporal update id, the submission id and (for a create) the dossier number from it, so a retry
 * continues the first attempt instead of repeating it. A claim whose request never finished (a crash) can be
 * taken over after CLAIM_LEASE_MS.
 *
 * A key is scoped by the user, the method and the route's canonical form ({@link canonicalRoute}): the same key and
 * body sent to `/api/dossiers/`, `/api/dossiers?x=1` and `/API/Dossiers` act once. Use it on a route (after the
 * path is matched), never with `app.use`.
 */
export function createIdempotency(deps: { models: Models }): RequestHandler {
  const { IdempotencyRecord } = deps.models;
  return async (req, res, next) => {
    const key = req.get('idempotency-key');
    if (key === undefined) return next();
    if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
      return next(
        new ValidationError([
          {
            path: '/headers/idempotency-key',
            keyword: 'pattern',
            message: {
              vi: 'Idempotency-Key phải gồm 8–200 ký tự in được',
              en: 'Idempotency-Key must be 8–200 printable characters',
            },
          },
        ]),
      );
    }
    const user = authenticatedUser(req);
    // Scoped by the route as matched, not the URL as spelled: see canonicalRoute.
    const id = sha256(`${user.id}\n${req.method}\n${canonicalRoute(req)}\n${key}`);
    const requestHash = sha256(JSON.stringify(req.body ?? null));
    const claim = () =>
      IdempotencyRecord.collection.insertOne({
        _id: id,
        requestHash,
        state: 'in_progress',
        createdAt: new Date(),
      } as never);
    try {
      // A first request costs one write here (the claim) and one when it answers.
      await claim();
    } catch (error) {
      if (!isDuplicateKeyError(error)) return next(error);
      let record = await IdempotencyRecord.findById(id).lean();
      if (record && record.createdAt.getTime() < Date.now() - IDEMPOTENCY_TTL_MS) {
        // An expired record of the key: removed (filtered by its own creation time) and the key claimed afresh; of
        // two requests doing this at once, one claims it and the other finds the new record.
        await IdempotencyRecord.deleteOne({ _id: id, createdAt: record.createdAt });
        const reclaimed = await claim().then(
          () => true,
          (again: unknown) => {
            if (isDuplicateKeyError(again)) return false;
            throw again;
          },
        );
        if (reclaimed) return proceed();
        record = await IdempotencyRecord.findById(id).lean();
      }
      if (!record) return next(new ConflictError('idempotency record vanished; retry'));
      if (record.requestHash !== requestHash) {
        return next(
          new ValidationError([
            {
              path: '/headers/idempotency-key',
              keyword: 'idempotency',
              message: {
                vi: 'Idempotency-Key này đã được dùng cho một yêu cầu khác',
                en: 'this Idempotency-Key was used for a different request',
              },
            },
          ]),
        );
      }
      const takeOver =
        record.state === 'failed' ||
        (record.state === 'in_progress' && record.createdAt.getTime() < Date.now() - CLAIM_LEASE_MS);
      if (takeOver) {
        const claimed = await IdempotencyRecord.updateOne(
          { _id: id, state: record.state, createdAt: record.createdAt },
          { $set: { state: 'in_progress', createdAt: new Date() } },
        );
        if (claimed.modifiedCount === 1) return proceed();
      }
      if (record.state !== 'done') {
        return next(
          new ConflictError(
            {
              vi: 'Yêu cầu với Idempotency-Key này đang được xử lý',
              en: 'a request with this Idempotency-Key is still in progress',
            },
            { code: 'idempotency_in_progress' },
          ),
        );
      }
      res
        .set('Idempotent-Replayed', 'true')
        .status(record.status ?? 200)
        .json(record.body);
      return;
    }
    return proceed();

    function proceed(): void {
      (req as unknown as Record<symbol, string>)[ID] = id;
      captureResponse(res, async (status, body) => {
        const final = status < 500 && status !== 202 && status !== 429;
        await IdempotencyRecord.updateOne(
          { _id: id },
          { $set: final ? { state: 'done', status, body } : { state: 'failed' } },
        );
      });
      next();
    }
  };
}

/**
 * Calls `store` with the JSON response before it is sent (awaited, so a replay never races the original). When the
 * store fails (the database went away at that moment), the answer is not sent: the client gets a 503 and retries with
 * its key, and that retry — once the claim's lease has passed — continues the request and stores its answer. Sending
 * the answer unstored would leave the key claimed, and a later retry would run the request again and could answer
 * differently (found by `npm run test:faults`, which kills the database under load).
 */
function captureResponse(res: Response, store: (status: number, body: unknown) => Promise<void>): void {
  const json = res.json.bind(res);
  res.json = ((body: unknown) => {
    const omit = res.locals[NOT_STORED] as string[] | undefined;
    const stored =
      omit && typeof body === 'object' && body !== null
        ? Object.fromEntries(Object.entries(body).filter(([key]) => !omit.includes(key)))
        : body;
    store(res.statusCode, stored).then(
      () => json(body),
      () => {
        const en = pickLanguage(res.req.get('accept-language')) === 'en';
        res.status(503).set('Retry-After', '5');
        json({
          error: {
            code: 'unavailable',
            message: en
              ? 'The answer could not be recorded; retry with the same key'
              : 'Chưa ghi được kết quả; hãy gửi lại với cùng khóa',
            fields: [],
          },
        });
      },
    );
    return res;
  }) as Response['json'];
}
