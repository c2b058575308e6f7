import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFormDefinition, createFormValidator, FormDefinitionError, type FormDefinition } from '../../../forms';
import { loadFormDefinitions, shippedDefinitionsDir } from '../../../forms/node';

const examplesDir = join(__dirname, '../../../forms/examples');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const definitionFiles = readdirSync(shippedDefinitionsDir).filter((f) => f.endsWith('.json'));
const exampleFiles = readdirSync(examplesDir).filter((f) => f.endsWith('.json'));
const definitionOf = (file: string) => readJson(join(shippedDefinitionsDir, file)) as FormDefinition;

/**
 * Every shipped form, ordered by key: the housing steps and one form per other programme of domain.md; the housing
 * proposal and decision also in version 2, which declares their amount rules; the decision in version 3, whose
 * funding lines name funds (`fund-id`); the payment order and confirmation of a tranche; the forms of the other
 * programmes' processes (issue 15): the livelihood proposal, savings book and household goods in version 2, the
 * health-insurance and Tết-gift lists, and the shared appraisal, decision and handover forms; the year-end poverty
 * review list (seed 001); the campaign's list and result report in version 2 (houses built and repaired apart, the
 * report's computed figures and corrections); the four forms of a Bank for Social Policies loan (seed 001: request,
 * board confirmation, loan approval, disbursement).
 */
const shippedRefs = [
  'campaign-commendation@1',
  'campaign-housing-list@1',
  'campaign-housing-list@2',
  'campaign-result-report@1',
  'campaign-result-report@2',
  'credit-board-confirmation@1',
  'credit-disbursement@1',
  'credit-loan-decision@1',
  'credit-loan-proposal@1',
  'education-decision@1',
  'education-support@1',
  'health-insurance-card@1',
  'health-insurance-list@1',
  'household-goods@1',
  'household-goods@2',
  'housing-completion@1',
  'housing-decision@1',
  'housing-decision@2',
  'housing-decision@3',
  'housing-disbursement@1',
  'housing-proposal@1',
  'housing-proposal@2',
  'housing-proposal@3',
  'housing-review@1',
  'housing-tranche@1',
  'livelihood-model@1',
  'livelihood-model@2',
  'payment-confirmation@1',
  'payment-order@1',
  'poverty-review-list@1',
  'savings-book@1',
  'savings-book@2',
  'school-enrolment@1',
  'sponsorship-amendment@1',
  'sponsorship-commitment@1',
  'sponsorship-commitment@2',
  'support-decision@1',
  'support-handover@1',
  'support-review@1',
  'tet-gift@1',
  'tet-gift-list@1',
];

describe('the shipped forms', () => {
  it('ship the housing step forms and one form for each other programme', () => {
    expect(definitionFiles.sort()).toEqual(shippedRefs.map((ref) => `${ref}.json`).sort());
  });

  describe.each(definitionFiles)('%s', (file) => {
    it('passes the publish check', () => {
      expect(checkFormDefinition(readJson(join(shippedDefinitionsDir, file)))).toEqual({
        ok: true,
        definition: expect.anything(),
      });
    });

    it('has at least one example submission', () => {
      expect(exampleFiles.some((example) => example.startsWith(file.replace(/\.json$/, '.')))).toBe(true);
    });
  });

  it('load from disk, checked and ordered by key', async () => {
    const forms = await loadFormDefinitions();
    expect(forms.map((f) => `${f.key}@${f.version}`)).toEqual(shippedRefs);
  });
});

describe('sections shared between forms', () => {
  const section = (ref: string, pointer: string) => {
    const definition = definitionOf(`${ref}.json`) as any;
    const field = pointer.slice(1);
    const labels = Object.entries(definition.labels.en).filter(([p]) => p === pointer || p.startsWith(`${pointer}/`));
    const enumNames = Object.entries(definition.enumNames?.en ?? {}).filter(
      ([p]) => p === pointer || p.startsWith(`${pointer}/`),
    );
    return { schema: definition.schema.properties[field], uiSchema: definition.uiSchema[field], labels, enumNames };
  };

  it.each(['livelihood-model@1', 'savings-book@1', 'household-goods@1'])(
    '%s records the household exactly as the housing proposal does',
    (ref) => {
      expect(section(ref, '/household')).toEqual(section('housing-proposal@1', '/household'));
    },
  );

  it.each(['health-insurance-card@1', 'household-goods@1', 'tet-gift@1'])(
    '%s offers the same sponsoring organisations as the livelihood model',
    (ref) => {
      expect(section(ref, '/sponsor')).toEqual(section('livelihood-model@1', '/sponsor'));
    },
  );

  it.each(['housing-tranche@1', 'sponsorship-commitment@1'])(
    '%s asks for the receiving bank account only for a transfer, as the housing disbursement does',
    (ref) => {
      const bankAccountSection = (r: string) => {
        const branches = definitionOf(`${r}.json`).schema['allOf'] as any[];
        return branches.find((branch) => branch.then?.properties?.bankAccount);
      };
      const { if: _condition, ...expected } = bankAccountSection('housing-disbursement@1');
      const { if: condition, ...actual } = bankAccountSection(ref);
      // The payment-method field is `paymentMethod` in the commitment, `method` in the payment forms.
      const method = ref === 'sponsorship-commitment@1' ? 'paymentMethod' : 'method';
      expect(condition).toEqual({ properties: { [method]: { const: 'transfer' } }, required: [method] });
      expect(actual).toEqual(expected);
      expect(section(ref, '/bankAccount').labels).toEqual(section('housing-disbursement@1', '/bankAccount').labels);
    },
  );
});

describe('the example submissions', () => {
  const validator = createFormValidator();

  it.each(exampleFiles)('%s is valid against its form', (file) => {
    const form = definitionOf(`${file.split('.')[0]}.json`);
    expect(validator.validate(form, readJson(join(examplesDir, file)))).toEqual({ valid: true });
  });

  it('include a new build of 100,000,000 VND for a near-poor household and a repair of 60,000,000 VND', () => {
    const newBuild = readJson(join(examplesDir, 'housing-proposal@1.json')) as any;
    const repair = readJson(join(examplesDir, 'housing-proposal@1.repair.json')) as any;
    expect([newBuild.support.type, newBuild.support.requestedAmount, newBuild.household.povertyStatus]).toEqual([
      'new_build',
      100000000,
      'near_poor',
    ]);
    expect([repair.support.type, repair.support.requestedAmount]).toEqual(['repair', 60000000]);
  });

  it('include a savings book of 20,000,000 VND, a full school year of 3,000,000 VND and a pupil bicycle of 2,000,000 VND', () => {
    const book = readJson(join(examplesDir, 'savings-book@1.json')) as any;
    const education = readJson(join(examplesDir, 'education-support@1.json')) as any;
    const goods = readJson(join(examplesDir, 'household-goods@1.json')) as any;
    expect(book.amount).toBe(20000000);
    expect([education.studyMonths, education.amount]).toEqual([9, 3000000]);
    expect(goods.goods).toContainEqual(expect.objectContaining({ kind: 'pupil_bicycle', unitValue: 2000000 }));
  });
});

describe('loadFormDefinitions', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'forms-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const copy = (file: string, as = file, edit: (d: any) => void = () => {}) => {
    const definition = structuredClone(definitionOf(file)) as any;
    edit(definition);
    return writeFile(join(dir, as), JSON.stringify(definition));
  };

  it('refuses the whole directory when one file is broken, naming the file and the problem', async () => {
    await copy('housing-review@1.json');
    await copy('housing-decision@1.json', 'housing-decision@1.json', (d) => {
      d.uiSchema.signatory = { 'ui:widget': 'text' };
    });
    const error = await loadFormDefinitions(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FormDefinitionError);
    expect((error as FormDefinitionError).problems).toEqual([
      expect.objectContaining({
        code: 'unknown-field',
        path: '/uiSchema/signatory',
        source: 'housing-decision@1.json',
      }),
    ]);
    expect((error as Error).message).toContain(
      'housing-decision@1.json /uiSchema/signatory: uiSchema names "signatory"',
    );
  });

  it('refuses a file not named after its key and version', async () => {
    await copy('housing-review@1.json', 'review.json');
    await expect(loadFormDefinitions(dir)).rejects.toThrow(
      'defines housing-review@1, so it must be named "housing-review@1.json"',
    );
  });

  it('refuses a file that is not JSON', async () => {
    await writeFile(join(dir, 'housing-review@1.json'), '{ "key": ');
    await expect(loadFormDefinitions(dir)).rejects.toMatchObject({
      problems: [expect.objectContaining({ code: 'file' })],
    });
  });
});
