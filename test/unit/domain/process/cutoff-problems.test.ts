import postReform from '../../../../domain/process/definitions/housing-support-2025@1.json';
import { checkProcessDefinition } from '../../../../domain/process/check-process-definition';

const forms = new Set(['housing-proposal@1', 'housing-review@1', 'housing-decision@1', 'housing-disbursement@1']);

describe('a procedure’s daily cut-off, checked at publication', () => {
  it('accepts a cut-off within office hours and a definition without one', () => {
    expect(checkProcessDefinition(postReform, forms)).toEqual([]);
    for (const cutoff of ['16:00', '11:00', '17:00', '07:31'])
      expect(checkProcessDefinition({ ...postReform, cutoff }, forms)).toEqual([]);
  });

  it('refuses a cut-off outside office hours or not written HH:MM', () => {
    for (const cutoff of ['07:30', '06:00', '17:01', '23:59']) {
      expect(checkProcessDefinition({ ...postReform, cutoff }, forms)).toEqual([
        { path: '/cutoff', message: `the cut-off ${cutoff} is not within office hours (07:30–17:00)` },
      ]);
    }
    for (const cutoff of ['4pm', '16h00', '24:00', '16:60'])
      expect(checkProcessDefinition({ ...postReform, cutoff }, forms).map((p) => p.path)).toContain('/cutoff');
  });
});
