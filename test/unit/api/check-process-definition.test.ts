import seedEra from '../../../workflows/definitions/housing-support-2024@1.json';
import postReform from '../../../workflows/definitions/housing-support-2025@1.json';
import { checkProcessDefinition } from '../../../api/processes/check-process-definition';

const forms = new Set(['housing-proposal@1', 'housing-review@1', 'housing-decision@1', 'housing-disbursement@1']);
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('checkProcessDefinition', () => {
  it.each([seedEra, postReform].map((d) => [d.key, d]))('accepts the shipped definition %s', (_key, definition) => {
    expect(checkProcessDefinition(definition, forms)).toEqual([]);
  });

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
});
