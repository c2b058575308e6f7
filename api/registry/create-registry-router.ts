import { Router, type RequestHandler } from 'express';
import type { FormRegistry } from './create-form-registry';
import type { ProcessRegistry } from './create-process-registry';
import { checkedParameters } from '../validation/checked-parameters';
import type { ProcessList } from '../../api-contract';

/** The path of one definition version, as declared in the route table and checked before the handler runs. */
export interface DefinitionVersion {
  key: string;
  version: number;
}

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
    const { key, version } = checkedParameters<unknown, DefinitionVersion>(req).path;
    res.json(await deps.processes.get(key, version));
  });
  router.get('/api/forms/:key/:version', deps.authenticate, async (req, res) => {
    const { key, version } = checkedParameters<unknown, DefinitionVersion>(req).path;
    res.json(await deps.forms.get(`${key}@${version}`));
  });
  return router;
}
