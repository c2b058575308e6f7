import type { RequestHandler } from 'express';
import type { Models } from '../../storage/create-models';
import type { LookupSecrets } from './create-lookup-secrets';

/**
 * Put before the idempotency middleware of the embed submission route: a replayed receipt (`Idempotent-Replayed`,
 * whose stored body never holds the lookup secret) gets the secret back, derived again from the dossier code
 * (createLookupSecrets), so a citizen whose first answer was lost reads the same receipt. When it cannot be derived
 * (the key was rotated out, or a receipt from before secrets were derived) the replay is sent without it, as before;
 * a failure to read the lookup record is passed on as an error (the client retries with its key).
 */
export function createReceiptReplay(deps: { models: Models; secrets: LookupSecrets }): RequestHandler {
  return (_req, res, next) => {
    const json = res.json.bind(res);
    res.json = ((body: unknown) => {
      const receipt = body as { dossierId?: unknown; lookupSecret?: unknown } | null;
      const replayed = res.get('Idempotent-Replayed') === 'true' && res.statusCode === 201;
      if (!replayed || typeof receipt?.dossierId !== 'string' || receipt.lookupSecret !== undefined) return json(body);
      const dossierId = receipt.dossierId;
      deps.models.CitizenLookup.findById(dossierId, { secretHash: 1, kid: 1 })
        .lean()
        .then((lookup) => {
          const secret = lookup ? deps.secrets.recover(dossierId, lookup.kid, lookup.secretHash) : undefined;
          json(secret ? { ...receipt, lookupSecret: secret } : body);
        }, next);
      return res;
    }) as typeof res.json;
    next();
  };
}
