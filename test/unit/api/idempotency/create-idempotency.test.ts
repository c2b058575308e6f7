import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createIdempotency } from '../../../../api/idempotency/create-idempotency';
import { setAuthenticatedUser } from '../../../../api/auth/authenticated-user';
import type { Models } from '../../../../storage/create-models';

/**
 * An answer is sent only once it is stored: with the database gone between the request's work and the store of its
 * answer, the client gets a 503 to retry with its key, not an answer that a later retry could contradict.
 */
describe('createIdempotency when the answer cannot be stored', () => {
  let server: Server;
  let handled = 0;
  const stored: unknown[] = [];

  beforeAll(async () => {
    const models = {
      IdempotencyRecord: {
        collection: { insertOne: async () => ({ acknowledged: true }) },
        updateOne: async (_filter: unknown, update: unknown) => {
          stored.push(update);
          throw new Error('connection closed');
        },
      },
    } as unknown as Models;
    const app = express()
      .use(express.json())
      .use((req, _res, next) => {
        setAuthenticatedUser(req, { id: 'u1', displayName: 'Cán bộ', grants: [] });
        next();
      })
      .post('/act', createIdempotency({ models }), (_req, res) => {
        handled += 1;
        res.status(200).json({ decided: true });
      });
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
  });
  afterAll(() => server.close());

  it('answers 503 unavailable with Retry-After instead of the unstored answer', async () => {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/act`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'key-00000001', 'accept-language': 'en' },
      body: JSON.stringify({ action: 'approve' }),
    });
    expect(handled).toBe(1);
    expect(stored).toEqual([{ $set: { state: 'done', status: 200, body: { decided: true } } }]);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await res.json()).toEqual({
      error: { code: 'unavailable', message: 'The answer could not be recorded; retry with the same key', fields: [] },
    });
  });
});
