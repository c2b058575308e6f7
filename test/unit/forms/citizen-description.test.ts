import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { citizenDescriptionOf, DEFAULT_CITIZEN_DESCRIPTION, type FormDefinition } from '../../../forms';

const read = (path: string): FormDefinition =>
  JSON.parse(readFileSync(join(__dirname, '../../../forms/definitions', path), 'utf8'));

describe('the description a citizen reads above a form', () => {
  it("addresses the family, not the commune, for a form with the commune's own fields (housing-proposal@3)", () => {
    const proposal3 = read('housing-proposal@3.json');
    expect(proposal3.schema.description).toMatch(/Ủy ban nhân dân cấp xã lập/);
    const description = citizenDescriptionOf(proposal3);
    expect(description).toEqual(DEFAULT_CITIZEN_DESCRIPTION);
    expect(description?.vi).toMatch(/^Gia đình điền/);
    expect(description?.en).toMatch(/^Your family fills in/);
  });

  it("is the form's own citizen description when it has one", () => {
    const form = read('housing-proposal@3.json');
    const own = { vi: 'Gia đình điền thông tin nhà ở hiện nay.', en: 'Your family describes its present house.' };
    form.schema['x-citizen-description'] = own;
    expect(citizenDescriptionOf(form)).toEqual(own);
  });

  it('is the Vietnamese schema description of a form a citizen fills in full, and null without one', () => {
    const proposal2 = read('housing-proposal@2.json');
    expect(citizenDescriptionOf(proposal2)).toEqual({ vi: proposal2.schema.description });
    delete proposal2.schema.description;
    expect(citizenDescriptionOf(proposal2)).toBeNull();
  });
});
