import type { DossierState } from '../workflows/messages';
import type { ProcessDefinition, TimeLimit } from '../workflows/process-definition';
import { computeDueAt } from './calendar/compute-due-at';
import type { WorkingCalendar } from './calendar/working-calendar';
import type { Models } from './db/create-models';
import { projectDossierState } from './project-dossier-state';

export interface DossierActivityDeps {
  models: Models;
  calendar: WorkingCalendar;
}

export interface DossierActivities {
  /** The due time of a step starting at `start`; pure given the calendar, so retries are harmless. */
  computeDueAt(input: { start: string; limit: TimeLimit; unitCode: string }): Promise<string>;
  /**
   * Brings the read model and the audit log up to `state`. Idempotent: the read model ignores a seq it has
   * already applied, and audit entries are keyed by dossier and seq. A database error fails the attempt and
   * Temporal retries it.
   */
  projectDossier(input: { state: DossierState }): Promise<void>;
}

export function createDossierActivities(deps: DossierActivityDeps): DossierActivities {
  const definitions = new Map<string, ProcessDefinition>();
  async function loadDefinition(key: string, version: number): Promise<ProcessDefinition> {
    const id = `${key}@${version}`;
    const cached = definitions.get(id);
    if (cached) return cached;
    const doc = await deps.models.ProcessDefinition.findById(id).lean();
    if (!doc) throw new Error(`process definition ${id} is not published`);
    definitions.set(id, doc.definition);
    return doc.definition;
  }
  return {
    computeDueAt: ({ start, limit, unitCode }) => computeDueAt(deps.calendar, start, limit, unitCode),
    projectDossier: async ({ state }) => {
      const definition = await loadDefinition(state.processKey, state.processVersion);
      await projectDossierState(deps.models, definition, state);
    },
  };
}
