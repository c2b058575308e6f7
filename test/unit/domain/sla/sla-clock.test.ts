import seedEra from '../../../../domain/process/definitions/housing-support-2024@2.json';
import type { DecideInput, DossierClock, DossierState } from '../../../../workflows/messages';
import type { ProcessDefinition, StepDefinition } from '../../../../domain/process/process-definition';
import { checkSupplementAllowance, planClockAction } from '../../../../domain/process/plan-clock-action';
import {
  clockForState,
  escalationRecipients,
  fireTimer,
  handoffTimeliness,
  nextTimer,
  pauseClock,
  reminderAtOf,
} from '../../../../domain/sla/sla-clock';
import { timelinessOf } from '../../../../domain/sla/timeliness';

const definition = seedEra as unknown as ProcessDefinition;
const units = { commune: 'HN-HD-HC', district: 'HN-HD', province: 'HN' };
const district = { userId: 'quan.hadong', role: 'district_officer', unitCode: 'HN-HD' };
const t = (iso: string) => Date.parse(iso);

function clock(overrides: Partial<DossierClock> = {}): DossierClock {
  return {
    overallDueAt: '2026-03-20T10:00:00.000Z',
    reminderAt: '2026-03-05T07:30:00.000Z',
    stepKey: 2,
    remindedAt: null,
    escalatedAt: null,
    overallEscalatedAt: null,
    stepLimit: { amount: 10, unit: 'working_days' },
    stepClockFrom: '2026-03-02T02:00:00.000Z',
    paused: null,
    supplementReturns: 0,
    extension: null,
    ...overrides,
  };
}

function inReview(overrides: Partial<DossierState> = {}): DossierState {
  return {
    dossierId: 'HN-HD-HC-2026-00001',
    processKey: definition.key,
    processVersion: 2,
    status: 'in_progress',
    outcome: null,
    currentStep: 'district-review',
    currentLevel: 'district',
    currentRole: 'district_officer',
    processingUnit: 'HN-HD',
    receivingUnit: 'HN-HD-HC',
    units,
    stepStartedAt: '2026-03-02T02:00:00.000Z',
    dueAt: '2026-03-16T10:00:00.000Z',
    returnedFrom: null,
    facts: {},
    submissions: {},
    history: [],
    seq: 2,
    openedAt: '2026-03-01T02:00:00.000Z',
    closedAt: null,
    clock: clock(),
    ...overrides,
  };
}

describe('the SLA clock', () => {
  it('puts the reminder at the given share of the step time', () => {
    expect(reminderAtOf('2026-03-02T00:00:00.000Z', '2026-03-02T04:00:00.000Z', 0.75)).toBe('2026-03-02T03:00:00.000Z');
    expect(reminderAtOf(null, '2026-03-02T04:00:00.000Z', 0.75)).toBeNull();
  });

  it('fires the reminder first, then the step escalation, then the dossier escalation, and nothing while stopped or closed', () => {
    let state = inReview();
    const fired: string[] = [];
    for (let timer = nextTimer(state); timer; timer = nextTimer(state)) {
      fired.push(`${timer.kind}:${timer.scope}`);
      state = fireTimer(state, timer, timer.at, 'unit_head').state;
    }
    expect(fired).toEqual(['reminder:step', 'escalation:step', 'escalation:dossier']);
    expect(state.history.map((h) => [h.seq, h.action])).toEqual([
      [3, 'remind'],
      [4, 'escalate'],
      [5, 'escalate'],
    ]);
    expect(
      nextTimer(
        inReview({
          clock: clock({
            paused: {
              at: 'x',
              stepId: 'district-review',
              stepDueAt: null,
              reminderAt: null,
              remindedAt: null,
              escalatedAt: null,
              overallDueAt: null,
            },
          }),
        }),
      ),
    ).toBeNull();
    expect(nextTimer(inReview({ currentStep: null }))).toBeNull();
    expect(nextTimer(inReview({ status: 'awaiting_supplement' }))).toBeNull();
    expect(nextTimer(inReview({ clock: undefined }))).toBeNull();
  });

  it('escalates to the head of the processing unit and of the next level up, and reminds the step role', () => {
    expect(escalationRecipients(inReview(), 'unit_head')).toEqual([
      { role: 'unit_head', unitCode: 'HN-HD' },
      { role: 'unit_head', unitCode: 'HN' },
    ]);
    const postReform = inReview({
      units: { commune: 'HN-HADONG', province: 'HN' },
      currentLevel: 'commune',
      processingUnit: 'HN-HADONG',
    });
    expect(escalationRecipients(postReform, 'unit_head')).toEqual([
      { role: 'unit_head', unitCode: 'HN-HADONG' },
      { role: 'unit_head', unitCode: 'HN' },
    ]);
    expect(escalationRecipients(inReview({ currentLevel: 'province', processingUnit: 'HN' }), 'unit_head')).toEqual([
      { role: 'unit_head', unitCode: 'HN' },
    ]);
    const state = inReview();
    const { notice } = fireTimer(state, nextTimer(state)!, '2026-03-05T07:30:00.000Z', 'unit_head');
    expect(notice).toMatchObject({
      kind: 'reminder',
      step: 'district-review',
      stepKey: 2,
      recipients: [{ role: 'district_officer', unitCode: 'HN-HD' }],
    });
  });

  it('stops the clock on return, keeping what is needed to resume, and counts the return', () => {
    const steps = definition.steps as StepDefinition[];
    const state = inReview({ clock: clock({ remindedAt: '2026-03-05T07:30:00.000Z' }) });
    const paused = pauseClock(state, steps[1]!, steps[0]!, '2026-03-06T02:00:00.000Z', 3);
    expect(paused).toMatchObject({ currentStep: 'proposal', processingUnit: 'HN-HD-HC', dueAt: null });
    expect(paused.clock).toMatchObject({
      overallDueAt: null,
      reminderAt: null,
      supplementReturns: 1,
      stepKey: 3,
      paused: {
        at: '2026-03-06T02:00:00.000Z',
        stepId: 'district-review',
        stepDueAt: state.dueAt,
        reminderAt: '2026-03-05T07:30:00.000Z',
        remindedAt: '2026-03-05T07:30:00.000Z',
        overallDueAt: '2026-03-20T10:00:00.000Z',
      },
    });
  });

  it('takes over a state without a clock: returns counted from its history, reminder from its step times', () => {
    const legacy = inReview({
      clock: undefined,
      history: [
        {
          seq: 1,
          action: 'create',
          fromStep: null,
          toStep: 'proposal',
          actor: district,
          at: '2026-03-01T02:00:00.000Z',
        },
        {
          seq: 2,
          action: 'return',
          fromStep: 'district-review',
          toStep: 'proposal',
          actor: district,
          at: '2026-03-01T03:00:00.000Z',
        },
      ],
    });
    expect(clockForState(legacy, 0.5)).toMatchObject({
      overallDueAt: null,
      supplementReturns: 1,
      reminderAt: '2026-03-09T06:00:00.000Z',
    });
  });

  it.each([
    ['the day before the due day', '2026-03-15T09:00:00.000Z', 'early'],
    ['on the due day, before the time', '2026-03-16T03:00:00.000Z', 'on_time'],
    ['after the due time', '2026-03-16T10:00:01.000Z', 'late'],
  ] as const)('classifies a hand-off %s as %s', (_name, at, expected) => {
    expect(handoffTimeliness(at, '2026-03-16T10:00:00.000Z')).toBe(expected);
  });

  it('uses the stored reminder time for near due when there is one', () => {
    const input = {
      startedAt: '2026-03-02T00:00:00.000Z',
      dueAt: '2026-03-02T10:00:00.000Z',
      closedAt: null,
      nearDueAt: '2026-03-02T01:00:00.000Z',
    };
    expect(timelinessOf(input, t('2026-03-02T02:00:00.000Z'))).toBe('near_due');
    expect(timelinessOf({ ...input, nearDueAt: null }, t('2026-03-02T02:00:00.000Z'))).toBe('not_due');
  });
});

describe('clock actions', () => {
  const extend = (overrides: Partial<DecideInput> = {}): DecideInput => ({
    action: 'extend',
    actor: district,
    comment: 'Cần xác minh thêm',
    newDueAt: '2026-03-27T10:00:00.000Z',
    ...overrides,
  });
  const now = t('2026-03-10T02:00:00.000Z');

  it('extends the overall due time by the processing unit, once, before it is late, to a later time', () => {
    expect(planClockAction(definition, inReview(), extend(), now)).toMatchObject({
      ok: true,
      plan: { kind: 'extend', previousDueAt: '2026-03-20T10:00:00.000Z', newDueAt: '2026-03-27T10:00:00.000Z' },
    });
    expect(
      planClockAction(definition, inReview(), extend({ actor: { ...district, unitCode: 'HN' } }), now),
    ).toMatchObject({ ok: false, type: 'ActorNotPermitted' });
    expect(planClockAction(definition, inReview(), extend({ comment: ' ' }), now)).toMatchObject({
      ok: false,
      type: 'RequirementMissing',
    });
    expect(
      planClockAction(definition, inReview(), extend({ newDueAt: '2026-03-19T10:00:00.000Z' }), now),
    ).toMatchObject({ ok: false, type: 'InvalidInput' });
    expect(planClockAction(definition, inReview(), extend(), t('2026-03-21T00:00:00.000Z'))).toMatchObject({
      ok: false,
      type: 'ActionNotAllowed',
      message: expect.stringMatching(/already late/),
    });
    const extended = inReview({
      clock: clock({ extension: { at: 'x', by: district, reason: 'r', previousDueAt: 'a', newDueAt: 'b' } }),
    });
    expect(planClockAction(definition, extended, extend(), now)).toMatchObject({ ok: false, type: 'LimitReached' });
    expect(
      planClockAction(definition, inReview({ clock: clock({ overallDueAt: null }) }), extend(), now),
    ).toMatchObject({ ok: false, type: 'ActionNotAllowed' });
  });

  it('lets only an administrator or unit head of the dossier recompute, with a reason', () => {
    const admin = { userId: 'admin.hanoi', role: 'admin', unitCode: 'HN' };
    expect(
      planClockAction(definition, inReview(), { action: 'recompute_deadline', actor: admin, comment: 'Lịch đổi' }, now),
    ).toMatchObject({ ok: true });
    expect(
      planClockAction(
        definition,
        inReview(),
        { action: 'recompute_deadline', actor: district, comment: 'Lịch đổi' },
        now,
      ),
    ).toMatchObject({ ok: false, type: 'ActorNotPermitted' });
    expect(
      planClockAction(
        definition,
        inReview(),
        { action: 'recompute_deadline', actor: { ...admin, unitCode: 'HCM' }, comment: 'x' },
        now,
      ),
    ).toMatchObject({ ok: false, type: 'ActorNotPermitted' });
  });

  it('allows one return for supplement unless the definition allows more', () => {
    const returnIt: DecideInput = { action: 'return', actor: district, comment: 'Bổ sung' };
    expect(checkSupplementAllowance(definition, inReview(), returnIt)).toBeNull();
    const once = inReview({ clock: clock({ supplementReturns: 1 }) });
    expect(checkSupplementAllowance(definition, once, returnIt)).toMatchObject({ ok: false, type: 'LimitReached' });
    expect(checkSupplementAllowance({ ...definition, maxSupplementReturns: 2 }, once, returnIt)).toBeNull();
  });
});
