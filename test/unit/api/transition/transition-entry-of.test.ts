import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  definitionKey,
  transitionEntryOf,
  type TransitionContext,
  type TransitionDossier,
} from '../../../../api/transition/transition-entry-of';
import type { ProcessDefinition } from '../../../../domain/process/process-definition';
import type { TransitionPlanDoc } from '../../../../storage/transition-plan-schema';
import type { UnitDoc } from '../../../../storage/unit-schema';

const definition = (ref: string): ProcessDefinition =>
  JSON.parse(readFileSync(join(__dirname, '../../../../domain/process/definitions', `${ref}.json`), 'utf8'));
const OLD = definition('housing-support-2024@3');
const NEW = definition('housing-support-2025@2');

const unit = (u: Partial<UnitDoc> & Pick<UnitDoc, '_id' | 'level' | 'parentCode'>): UnitDoc => ({
  name: u._id,
  effectiveFrom: '2008-01-01',
  effectiveTo: null,
  successorCode: null,
  ...u,
});
const UNITS = [
  unit({ _id: 'HN', level: 'province', parentCode: null }),
  unit({ _id: 'HN-HD', level: 'district', parentCode: 'HN', effectiveTo: '2025-06-30' }),
  // Split between two new wards, 60 % and 40 % of its households.
  unit({
    _id: 'HN-HD-HC',
    name: 'Phường Hà Cầu',
    level: 'commune',
    parentCode: 'HN-HD',
    effectiveTo: '2025-06-30',
    successorCode: 'HN-A',
    successors: [
      { code: 'HN-A', share: 60 },
      { code: 'HN-B', share: 40 },
    ],
  }),
  unit({ _id: 'HN-A', level: 'commune', parentCode: 'HN', effectiveFrom: '2025-07-01' }),
  unit({ _id: 'HN-B', level: 'commune', parentCode: 'HN', effectiveFrom: '2025-07-01' }),
];

const plan = (over: Partial<TransitionPlanDoc> = {}): TransitionPlanDoc => ({
  _id: 'plan-1',
  name: 'Sắp xếp 2025',
  legalBasis: 'Nghị quyết',
  reformDate: '2025-07-01',
  unitMapping: [],
  definitionMapping: [
    {
      from: { processKey: OLD.key, processVersion: OLD.version, step: 'district-review' },
      to: { processKey: NEW.key, processVersion: NEW.version, step: 'province-approval' },
    },
  ],
  finishOnOld: [],
  definitionsEnd: [],
  definitionsStart: [],
  grantsEnd: [],
  grantsStart: [],
  createdBy: 'admin.hanoi',
  createdByName: 'Quản trị',
  createdAt: new Date(0),
  ...over,
});
const context = (p: TransitionPlanDoc): TransitionContext => ({
  plan: p,
  units: new Map(UNITS.map((u) => [u._id, u])),
  definitions: new Map([
    [definitionKey(OLD.key, OLD.version), OLD],
    [definitionKey(NEW.key, NEW.version), NEW],
  ]),
});
const DOSSIER: TransitionDossier = {
  _id: 'd1',
  processKey: OLD.key,
  processVersion: OLD.version,
  status: 'in_progress',
  currentStep: 'district-review',
  currentLevel: 'district',
  processingUnit: 'HN-HD',
  units: { commune: 'HN-HD-HC', district: 'HN-HD', province: 'HN' },
};

describe('transitionEntryOf', () => {
  it('never guesses where a split ward goes: blocked until the plan maps it', () => {
    const { entry, move } = transitionEntryOf(context(plan()), DOSSIER);
    expect(move).toBeUndefined();
    expect(entry).toMatchObject({ action: 'blocked', problems: [{ code: 'successor_split' }] });
    // The ward by its name, not its code.
    expect(entry.problems![0]!.message.vi).toBe(
      'Phường Hà Cầu được chia cho nhiều đơn vị; hãy chọn đơn vị mới trong phương án',
    );
  });

  it('moves a split ward’s dossier to the ward the plan names', () => {
    const { entry, move } = transitionEntryOf(
      context(plan({ unitMapping: [{ from: 'HN-HD-HC', to: 'HN-B' }] })),
      DOSSIER,
    );
    expect(entry).toMatchObject({ action: 'move', to: { step: 'province-approval', unitCode: 'HN' } });
    expect(move?.units).toEqual({ commune: 'HN-B', province: 'HN' });
  });

  it.each([
    ['the retired ward that received it', 'HN-HD-HC', 'HN-B'],
    ['a unit in force', 'HN', undefined],
  ])('gives a moved dossier received by %s the receiving unit that follows it', (_what, received, expected) => {
    const { move } = transitionEntryOf(context(plan({ unitMapping: [{ from: 'HN-HD-HC', to: 'HN-B' }] })), {
      ...DOSSIER,
      receivingUnit: received,
    });
    expect(move?.receivingUnit).toBe(expected);
  });

  it('refuses to finish a dossier on the old chain by a unit of another level than its step', () => {
    const { entry, move } = transitionEntryOf(
      context(plan({ finishOnOld: [{ dossierId: 'd1', unitCode: 'HN' }] })),
      DOSSIER,
    );
    expect(move).toBeUndefined();
    expect(entry.action).toBe('blocked');
    expect(entry.problems.map((p) => p.code)).toContain('no_unit_at_level');
  });

  describe('a dossier finished on its own definition', () => {
    // At the ward's step, finished by the ward's successor; its later steps are at the district and the city.
    const atWard: TransitionDossier = { ...DOSSIER, currentStep: 'proposal', currentLevel: 'commune' };
    const finishing = (over: Partial<TransitionPlanDoc>) =>
      transitionEntryOf(context(plan({ finishOnOld: [{ dossierId: 'd1', unitCode: 'HN-A' }], ...over })), atWard);

    it('is blocked while a later step would reach the abolished district, which has no successor', () => {
      const { entry, move } = finishing({});
      expect(move).toBeUndefined();
      expect(entry).toMatchObject({ action: 'blocked', problems: [{ code: 'no_successor' }] });
    });

    it('takes the unit the plan maps the district to for its later steps; units in force stay', () => {
      const { entry, move } = finishing({ unitMapping: [{ from: 'HN-HD', to: 'HN' }] });
      expect(entry).toMatchObject({ action: 'finish_on_old', to: { unitCode: 'HN-A' }, problems: [] });
      expect(move?.units).toEqual({ commune: 'HN-A', district: 'HN', province: 'HN' });
    });
  });

  it('names a problem for a dossier that records no unit, never an empty list', () => {
    const { entry } = transitionEntryOf(context(plan()), { ...DOSSIER, units: {} });
    expect(entry.action).toBe('blocked');
    expect(entry.problems.map((p) => p.code)).toEqual(['no_unit_at_level']);
  });
});
