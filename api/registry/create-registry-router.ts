import { Router, type RequestHandler } from 'express';
import { ValidationError } from '../errors';
import type { FormRegistry } from './create-form-registry';
import type { ProcessRegistry } from './create-process-registry';

const versionOf = (raw: string): number => {
  if (!/^[1-9][0-9]{0,5}$/.test(raw)) {
    throw new ValidationError([{ path: '/version', keyword: 'type', message: { vi: 'Phiên bản phải là số nguyên dương', en: 'version must be a positive integer' } }]);
  }
  return Number(raw);
};

/** Read access to published process and form definitions. */
export function createRegistryRouter(deps: { processes: ProcessRegistry; forms: FormRegistry; authenticate: RequestHandler }): Router {
  const router = Router();
  router.get('/api/processes', deps.authenticate, async (_req, res) => {
    res.json({ items: await deps.processes.list() });
  });
  router.get('/api/processes/:key/:version', deps.authenticate, async (req, res) => {
    res.json(await deps.processes.get(String(req.params.key), versionOf(String(req.params.version))));
  });
  router.get('/api/forms/:key/:version', deps.authenticate, async (req, res) => {
    res.json(await deps.forms.get(`${String(req.params.key)}@${versionOf(String(req.params.version))}`));
  });
  return router;
}
