import seedEra from '../../../../domain/process/definitions/housing-support-2024@2.json';
import type { DossierState } from '../../../../domain/process/dossier-state';
import type { ProcessDefinition } from '../../../../domain/process/process-definition';
import { presentDossier } from '../../../../api/dossiers/create-dossier-router';

const definition = seedEra as unknown as ProcessDefinition;
const state = {
  dossierId: 'HN-HD-HC-2026-00001',
  processKey: definition.key,
  processVersion: definition.version,
  status: 'in_progress',
  outcome: null,
  currentStep: 'district-review',
  currentLevel: 'district',
  currentRole: 'district_officer',
  processingUnit: 'HN-HD',
  receivingUnit: 'HN-HD-HC',
  units: { commune: 'HN-HD-HC', district: 'HN-HD', province: 'HN' },
  stepStartedAt: '2026-03-02T01:00:00.000Z',
  dueAt: '2026-03-16T10:00:00.000Z',
  returnedFrom: null,
  facts: {},
  submissions: {},
  history: [],
  seq: 2,
  openedAt: '2026-03-02T01:00:00.000Z',
  closedAt: null,
  clock: {
    overallDueAt: null,
    reminderAt: '2026-03-12T10:00:00.000Z',
    stepKey: 2,
    remindedAt: null,
    escalatedAt: null,
    overallEscalatedAt: null,
    stepLimit: null,
    stepClockFrom: null,
    paused: null,
    supplementReturns: 0,
    extension: null,
  },
} satisfies DossierState;

describe('the dossier as the API shows it', () => {
  it.each([
    ['2026-03-05T00:00:00.000Z', 'not_due'],
    ['2026-03-13T00:00:00.000Z', 'near_due'],
    ['2026-03-17T00:00:00.000Z', 'overdue'],
  ])('judges timeliness by the clock it is given: at %s it is %s', (at, timeliness) => {
    expect(presentDossier(state, definition, {}, Date.parse(at)).timeliness).toBe(timeliness);
  });
});
