import { Router, type RequestHandler } from 'express';
import type { FormRegistry } from './create-form-registry';
import type { ProcessRegistry } from './create-process-registry';
import { versionOf } from './version-of';
import type { ProcessList } from '../../api-contract';

/** Read access to published process and form definitions. */
export function createRegistryRouter(deps: {
  processes: ProcessRegistry;
  forms: FormRegistry;
  authenticate: RequestHandler;
}): Router {
  const router = Router();
  router.get('/api/processes', deps.authenticate, async (_req, res) => {
    res.json({ items: await deps.processes.list() } satisfies ProcessList);
  });
  router.get('/api/processes/:key/:version', deps.authenticate, async (req, res) => {
    res.json(await deps.processes.get(String(req.params.key), versionOf(String(req.params.version))));
  });
  router.get('/api/forms/:key/:version', deps.authenticate, async (req, res) => {
    res.json(await deps.forms.get(`${String(req.params.key)}@${versionOf(String(req.params.version))}`));
  });
  return router;
}
