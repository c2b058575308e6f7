import seedEra from '../../../../domain/process/definitions/housing-support-2024@1.json';
import postReform from '../../../../domain/process/definitions/housing-support-2025@1.json';
import listApproval from '../../../../domain/process/definitions/housing-support-2025@3.json';
import campaignList from '../../../../domain/process/definitions/fund-campaign-housing-2024@1.json';
import campaignReport from '../../../../domain/process/definitions/fund-campaign-report-2024@1.json';
import campaignList3 from '../../../../domain/process/definitions/fund-campaign-housing-2024@3.json';
import campaignReport2 from '../../../../domain/process/definitions/fund-campaign-report-2024@2.json';
import campaignCommendation from '../../../../domain/process/definitions/fund-campaign-commendation-2024@1.json';
import { checkProcessDefinition } from '../../../../domain/process/check-process-definition';

const forms = new Set(['housing-proposal@1', 'housing-review@1', 'housing-decision@1', 'housing-disbursement@1']);
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('checkProcessDefinition', () => {
  it.each([seedEra, postReform, listApproval].map((d) => [`${d.key}@${d.version}`, d]))(
    'accepts the shipped definition %s',
    (_key, definition) => {
      expect(checkProcessDefinition(definition, forms)).toEqual([]);
    },
  );

  it('refuses a definition whose form is not published', () => {
    expect(checkProcessDefinition(seedEra, new Set(['housing-proposal@1']))).toEqual(
      expect.arrayContaining([{ path: '/steps/1/form', message: "form 'housing-review@1' is not published" }]),
    );
  });

  it('refuses a transition to an unknown step and reports the unreachable step', () => {
    const broken = clone(postReform) as unknown as { steps: { transitions: Record<string, unknown>[] }[] };
    broken.steps[0]!.transitions[0]!.to = 'nowhere';
    const paths = checkProcessDefinition(broken, forms).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['/steps/0/transitions/0/to', '/steps/1', '/steps/2']));
  });

  it('refuses a transition with both to and end', () => {
    const broken = clone(postReform) as unknown as { steps: { transitions: Record<string, unknown>[] }[] };
    broken.steps[0]!.transitions[0]!.end = 'completed';
    expect(checkProcessDefinition(broken, forms).map((p) => p.path)).toContain('/steps/0/transitions/0');
  });

  it('refuses an unknown action by its schema path', () => {
    const broken = clone(postReform) as unknown as { steps: { transitions: Record<string, unknown>[] }[] };
    broken.steps[0]!.transitions[1]!.action = 'escalate';
    expect(checkProcessDefinition(broken, forms).map((p) => p.path)).toContain('/steps/0/transitions/1/action');
  });

  it('refuses bulk on a transition that needs form data or the applicant, and on only some transitions of an action', () => {
    type Step = { transitions: Record<string, unknown>[] };
    const broken = clone(listApproval) as unknown as { steps: Step[] };
    const appraisal = broken.steps[1]!;
    appraisal.transitions[0]!.bulk = true; // approve, requires form
    appraisal.transitions[3]!.bulk = true; // withdraw, by the applicant
    const approval = broken.steps[2]!;
    approval.transitions.push({ action: 'approve', to: 'disbursement', when: { fact: 'approvedAmount', gt: 0 } });
    expect(checkProcessDefinition(broken, forms)).toEqual([
      {
        path: '/steps/1/transitions/0/bulk',
        message: 'a bulk transition takes no per-dossier form data: it cannot require form',
      },
      {
        path: '/steps/1/transitions/3/bulk',
        message: "a bulk transition is taken by the step's own actor, not the applicant",
      },
      {
        path: '/steps/2/transitions/4/bulk',
        message: "the transitions of action 'approve' in step 'province-approval' must all be bulk or none",
      },
    ]);
  });

  it('refuses a bulk flag that is not a boolean by its schema path', () => {
    const broken = clone(listApproval) as unknown as { steps: { transitions: Record<string, unknown>[] }[] };
    broken.steps[2]!.transitions[0]!.bulk = 'yes';
    expect(checkProcessDefinition(broken, forms).map((p) => p.path)).toEqual(['/steps/2/transitions/0/bulk']);
  });

  describe('a step due by a fixed date (dueBy)', () => {
    it.each(
      [campaignList, campaignReport, campaignCommendation, campaignList3, campaignReport2].map((d) => [
        `${d.key}@${d.version}`,
        d,
      ]),
    )('accepts the campaign definition %s', (_key, definition) => {
      const campaignForms = new Set([
        'campaign-housing-list@1',
        'campaign-housing-list@2',
        'campaign-result-report@1',
        'campaign-result-report@2',
        'campaign-commendation@1',
        'support-decision@1',
        'payment-order@1',
        'payment-confirmation@1',
      ]);
      expect(checkProcessDefinition(definition, campaignForms)).toEqual([]);
    });

    const withDueBy = (dueBy: unknown, change: Record<string, unknown> = {}) => {
      const def = clone(seedEra) as unknown as { steps: Record<string, unknown>[] } & Record<string, unknown>;
      def.steps[0] = { ...def.steps[0], dueBy, ...change };
      return def;
    };

    it.each([
      ['a date', '2024-02-22'],
      ['a date fact a step brings', { fact: 'approvedAmount' }],
    ])('accepts %s', (_, dueBy) => {
      expect(checkProcessDefinition(withDueBy(dueBy), forms)).toEqual([]);
    });

    it.each<[string, unknown, Record<string, unknown>, string, string]>([
      ['a day that does not exist', '2024-02-30', {}, '/steps/0/dueBy', "'2024-02-30' is not a date"],
      [
        'a date before the definition takes effect',
        '2023-12-31',
        { effectiveFrom: '2024-01-01' },
        '/steps/0/dueBy',
        'before the definition takes effect',
      ],
      [
        'a fact no step brings',
        { fact: 'reportDue' },
        {},
        '/steps/0/dueBy/fact',
        "no step's form brings the fact 'reportDue'",
      ],
      [
        'a date with clockStarts',
        '2024-02-22',
        { clockStarts: { month: 9, day: 5 } },
        '/steps/0/dueBy',
        'cannot also have clockStarts',
      ],
    ])('refuses %s with a clear problem', (_, dueBy, change, path, message) => {
      const { effectiveFrom, ...stepChange } = change;
      const def = withDueBy(dueBy, stepChange);
      if (effectiveFrom) def.effectiveFrom = effectiveFrom;
      expect(checkProcessDefinition(def, forms)).toEqual([{ path, message: expect.stringContaining(message) }]);
    });

    it.each([
      ['a date written otherwise', '22/02/2024'],
      ['an object without its fact', { date: '2024-02-22' }],
    ])('refuses %s by its schema path', (_, dueBy) => {
      expect(checkProcessDefinition(withDueBy(dueBy), forms).map((p) => p.path)).toContain('/steps/0/dueBy');
    });
  });
});
