import type { ProcessDefinition } from '../../domain/process/process-definition';
import { earlierDefinitionRefs } from '../../domain/process/recorded-definitions';
import type { DossierState } from '../../workflows/messages';
import type { ProcessRegistry } from '../registry/create-process-registry';

/** The published definitions a transition plan moved the dossier off, to name the steps decided under them. */
export async function earlierDefinitionsOf(
  processes: Pick<ProcessRegistry, 'get'>,
  state: Pick<DossierState, 'history' | 'processKey' | 'processVersion'>,
): Promise<ProcessDefinition[]> {
  const refs = earlierDefinitionRefs(state.history, state);
  return Promise.all(refs.map((ref) => processes.get(ref.processKey, ref.processVersion)));
}
