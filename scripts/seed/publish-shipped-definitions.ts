import path from 'node:path';
import type { FormRegistry } from '../../api/registry/create-form-registry';
import type { ProcessRegistry } from '../../api/registry/create-process-registry';
import { loadFormDefinitions } from '../../forms/load-form-definitions';
import { loadProcessDefinitions } from './load-process-definitions';

/**
 * Publishes the shipped forms (forms/definitions/) and process definitions (domain/process/definitions/), in demo
 * and production alike; answers the refs newly published. Idempotent: published versions are immutable, and an
 * identical republish is a no-op.
 */
export async function publishShippedDefinitions(deps: {
  forms: FormRegistry;
  processes: ProcessRegistry;
}): Promise<{ formsPublished: string[]; processesPublished: string[] }> {
  const formsPublished: string[] = [];
  const processesPublished: string[] = [];
  for (const form of await loadFormDefinitions()) {
    const { ref, created } = await deps.forms.publish(form, 'seed');
    if (created) formsPublished.push(ref);
  }
  for (const definition of loadProcessDefinitions(
    path.join(__dirname, '..', '..', 'domain', 'process', 'definitions'),
  )) {
    const { ref, created } = await deps.processes.publish(definition, 'seed');
    if (created) processesPublished.push(ref);
  }
  return { formsPublished, processesPublished };
}
