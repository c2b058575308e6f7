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

describe('the shipped housing forms', () => {
  it('ship the four step forms of the housing programme', () => {
    expect(definitionFiles.sort()).toEqual([
      'housing-decision@1.json',
      'housing-disbursement@1.json',
      'housing-proposal@1.json',
      'housing-review@1.json',
    ]);
  });

  describe.each(definitionFiles)('%s', (file) => {
    it('passes the publish check', () => {
      expect(checkFormDefinition(readJson(join(shippedDefinitionsDir, file)))).toEqual({ ok: true, definition: expect.anything() });
    });

    it('has at least one example submission', () => {
      expect(exampleFiles.some((example) => example.startsWith(file.replace(/\.json$/, '.')))).toBe(true);
    });
  });

  it('load from disk, checked and ordered by key', async () => {
    const forms = await loadFormDefinitions();
    expect(forms.map((f) => `${f.key}@${f.version}`)).toEqual([
      'housing-decision@1',
      'housing-disbursement@1',
      'housing-proposal@1',
      'housing-review@1',
    ]);
  });
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
    expect([newBuild.support.type, newBuild.support.requestedAmount, newBuild.household.povertyStatus]).toEqual(['new_build', 100000000, 'near_poor']);
    expect([repair.support.type, repair.support.requestedAmount]).toEqual(['repair', 60000000]);
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
      expect.objectContaining({ code: 'unknown-field', path: '/uiSchema/signatory', source: 'housing-decision@1.json' }),
    ]);
    expect((error as Error).message).toContain('housing-decision@1.json /uiSchema/signatory: uiSchema names "signatory"');
  });

  it('refuses a file not named after its key and version', async () => {
    await copy('housing-review@1.json', 'review.json');
    await expect(loadFormDefinitions(dir)).rejects.toThrow('defines housing-review@1, so it must be named "housing-review@1.json"');
  });

  it('refuses a file that is not JSON', async () => {
    await writeFile(join(dir, 'housing-review@1.json'), '{ "key": ');
    await expect(loadFormDefinitions(dir)).rejects.toMatchObject({ problems: [expect.objectContaining({ code: 'file' })] });
  });
});
