import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import vm from 'node:vm';
import { build } from 'esbuild';
import { createFormValidator, formRef, FormDefinitionError, type FormDefinition } from '../../../forms';
import { loadFormDefinitions } from '../../../forms/node';
import { createPrecompiledValidator } from '../../../forms/standalone';
import {
  allowedRuntimeModules,
  buildStandaloneValidators,
  bundleForBrowser,
  compileStandaloneValidator,
} from '../../../forms/standalone/node';
import { loadInStrictRealm } from './strict-realm-validator';

const root = join(__dirname, '../../..');
const examplesDir = join(root, 'forms/examples');
const readJson = (path: string): any => JSON.parse(readFileSync(path, 'utf8'));
const definitionFiles = readdirSync(join(root, 'forms/definitions'))
  .filter((f) => /^[a-z0-9-]+@[0-9]+\.json$/.test(f))
  .sort();
const refs = definitionFiles.map((f) => f.replace(/\.json$/, ''));
const exampleOf = (ref: string) => readJson(join(examplesDir, `${ref}.json`));
const proposal: FormDefinition = readJson(join(root, 'forms/definitions/housing-proposal@1.json'));

/** What a page under `Content-Security-Policy: script-src 'self'` (no 'unsafe-eval') cannot run. */
const evalLike = /\bnew Function\b|\bFunction\s*\(|\beval\s*\(/;
/** esbuild's stand-in for a `require` it could not resolve at build time: would throw in a browser. */
const unresolvedRequire = /\b__require\s*=|\btypeof require\b/;

/** A made-up form that needs `ajv/dist/runtime/equal` (uniqueItems over objects, const of an object). */
const householdMembers: FormDefinition = {
  key: 'household-members',
  version: 1,
  title: { vi: 'Thành viên hộ', en: 'Household members' },
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'urn:hoso:form:household-members@1',
    type: 'object',
    additionalProperties: false,
    required: ['members', 'origin'],
    properties: {
      members: {
        type: 'array',
        uniqueItems: true,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['name'],
          properties: { name: { type: 'string', minLength: 1, maxLength: 5 } },
        },
      },
      origin: { type: 'object', const: { country: 'VN' } },
    },
  },
  uiSchema: {},
  labels: { en: { '/members': 'Members', '/members/*/name': 'Name', '/origin': 'Origin' } },
};

describe('compileStandaloneValidator', () => {
  it.each(refs)('turns %s into an ES module without require(), importing only ajv runtime modules', (ref) => {
    const form: FormDefinition = readJson(join(root, 'forms/definitions', `${ref}.json`));
    const { ref: builtRef, source, runtimeImports } = compileStandaloneValidator(form);

    expect(builtRef).toBe(ref);
    expect(source).toContain(`export const formRef = "${ref}";`);
    expect(source).toMatch(/export const validate = validate\d+;/);
    expect(source).toMatch(/export default validate\d+;/);
    expect(source).not.toMatch(/\brequire\s*\(/);
    expect(source).not.toContain('"use strict"');
    const imports = [...source.matchAll(/^import \* as __runtime\d+ from "([^"]+)";$/gm)].map((m) => m[1]);
    expect(imports).toEqual(runtimeImports);
    for (const spec of runtimeImports) expect(allowedRuntimeModules.some((allowed) => allowed.test(spec))).toBe(true);
  });

  it('imports the runtime helpers the schema needs, e.g. deep equality for unique objects', () => {
    // Dates are regular expressions now (boundedDateFormats), inlined like the project's own formats.
    expect(compileStandaloneValidator(proposal).runtimeImports.sort()).toEqual(['ajv/dist/runtime/ucs2length.js']);
    expect(
      compileStandaloneValidator({
        ...householdMembers,
        key: 'contact',
        schema: {
          $schema: 'https://json-schema.org/draft/2020-12/schema',
          $id: 'urn:hoso:form:contact@1',
          type: 'object',
          properties: { site: { type: 'string', format: 'uri' } },
        },
      } as FormDefinition).runtimeImports,
    ).toEqual(['ajv-formats/dist/formats.js']);
    expect(compileStandaloneValidator(householdMembers).runtimeImports).toEqual([
      'ajv/dist/runtime/ucs2length.js',
      'ajv/dist/runtime/equal.js',
    ]);
  });

  it.each([
    'ajv/dist/runtime/ucs2length',
    'ajv/dist/runtime/equal',
    'ajv/dist/runtime/uri',
    'ajv-formats/dist/formats',
  ])('relies on %s being CommonJS with __esModule, which the generated interop assumes', (spec) => {
    expect(require(spec).__esModule).toBe(true);
  });

  it('refuses a schema that does not compile with the shared set-up, as the server would', () => {
    const broken = structuredClone(proposal);
    (broken.schema.properties as any).household.properties.phone.format = 'phone';
    const error = (() => {
      try {
        compileStandaloneValidator(broken);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(FormDefinitionError);
    expect((error as FormDefinitionError).problems).toEqual([
      expect.objectContaining({ code: 'schema-compile', path: '/schema' }),
    ]);
  });
});

describe('a generated module bundled for the browser', () => {
  it('runs in a realm where eval and new Function throw', async () => {
    const realm = await loadInStrictRealm(compileStandaloneValidator(proposal).source);
    expect(() => vm.runInContext('eval("1")', realm.context)).toThrow(/Code generation from strings disallowed/);
    expect(() => vm.runInContext('new Function("return 1")', realm.context)).toThrow(
      /Code generation from strings disallowed/,
    );
    expect(vm.runInContext('typeof require + typeof process + typeof module', realm.context)).toBe(
      'undefinedundefinedundefined',
    );
    expect(realm.validate(exampleOf('housing-proposal@1'))).toBe(true);
  });

  // esbuild gives a `.mjs` importer Node's CommonJS interop and a `.js` one Babel's; Vite/Rollup use Babel's.
  describe.each(['mjs', 'js'])('as a .%s file', (extension) => {
    it.each(refs)('%s: has no eval or new Function and accepts the example', async (ref) => {
      const form: FormDefinition = readJson(join(root, 'forms/definitions', `${ref}.json`));
      const { source } = compileStandaloneValidator(form);
      const bundle = await bundleForBrowser(source, { format: 'esm', sourcefile: `${ref}.${extension}`, minify: true });
      expect(bundle.code).not.toMatch(evalLike);
      expect(bundle.code).not.toMatch(unresolvedRequire);

      const realm = await loadInStrictRealm(source, `${ref}.${extension}`);
      expect(realm.validate(exampleOf(ref))).toBe(true);
      expect(realm.validate({})).toBe(false);
    });

    it('agrees with the server on unique objects and an object constant (ajv/dist/runtime/equal)', async () => {
      const realm = await loadInStrictRealm(
        compileStandaloneValidator(householdMembers).source,
        `household-members@1.${extension}`,
      );
      const browser = createPrecompiledValidator(realm.validate, householdMembers);
      const server = createFormValidator();
      const submissions = [
        { members: [{ name: 'Hoa' }, { name: 'Bình' }], origin: { country: 'VN' } },
        { members: [{ name: 'Hoa' }, { name: 'Hoa' }], origin: { country: 'VN' } },
        { members: [{ name: 'Hoa' }, { name: '😀😀😀😀😀' }, { name: '😀😀😀😀😀😀' }], origin: { country: 'LA' } },
      ];
      const results = submissions.map((s) => server.validate(householdMembers, s));
      expect(results.map((r) => r.valid)).toEqual([true, false, false]);
      expect(submissions.map((s) => browser.validate(s))).toStrictEqual(results);
    });
  });

  it('leaves the wrapper that localizes errors free of Node and of eval too', async () => {
    const result = await build({
      entryPoints: [join(root, 'forms/standalone/index.ts')],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    expect(code).toContain('function createPrecompiledValidator');
    expect(code).not.toMatch(evalLike);
    expect(code).not.toContain('ajv/dist/compile'); // the compiler stays on the server
  });
});

describe('buildStandaloneValidators', () => {
  let dir: string;
  let forms: FormDefinition[];
  // Reading and checking every shipped form takes seconds on a loaded machine: more than jest's 5 s default.
  beforeAll(async () => {
    forms = await loadFormDefinitions();
  }, 30_000);
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'validators-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one module per form version, its types, and an index of lazy imports by ref', async () => {
    const out = join(dir, 'validators');
    const built = await buildStandaloneValidators(forms, out);

    const allRefs = forms.map((f) => formRef(f.key, f.version)).sort();
    expect(built.map((b) => b.ref).sort()).toEqual(allRefs);
    expect((await readdir(out)).sort()).toEqual(
      [...allRefs.flatMap((ref) => [`${ref}.mjs`, `${ref}.d.mts`]), 'index.mjs', 'index.d.mts'].sort(),
    );
    expect(await readFile(join(out, 'housing-proposal@1.mjs'), 'utf8')).toBe(
      compileStandaloneValidator(proposal).source,
    );
    const index = await readFile(join(out, 'index.mjs'), 'utf8');
    for (const ref of allRefs) expect(index).toContain(`${JSON.stringify(ref)}: () => import("./${ref}.mjs"),`);
  });

  it('produces files Node itself can import, through the index', async () => {
    const out = join(dir, 'validators');
    await buildStandaloneValidators(forms, out);
    await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir'); // bare imports resolve as in the project
    const script = `
      const { formRefs, validatorModules } = await import(${JSON.stringify(join(out, 'index.mjs'))});
      const module = await validatorModules['housing-proposal@1']();
      const example = ${JSON.stringify(exampleOf('housing-proposal@1'))};
      const valid = module.validate(example);
      const invalid = module.default({ ...example, household: { ...example.household, citizenId: '123', headName: '${'ệ'.repeat(101)}' } });
      process.stdout.write(JSON.stringify({ formRefs, ref: module.formRef, valid, invalid, errors: module.validate.errors }));
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: dir });
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ ref: 'housing-proposal@1', valid: true, invalid: false });
    expect(result.formRefs).toEqual(forms.map((f) => formRef(f.key, f.version)).sort());
    expect(result.errors.map((e: { keyword: string }) => e.keyword).sort()).toEqual(['format', 'maxLength']);
  });

  it('produces an index esbuild bundles for the browser into one chunk per form version', async () => {
    const out = join(dir, 'validators');
    await buildStandaloneValidators(forms, out);
    await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const result = await build({
      entryPoints: [join(out, 'index.mjs')],
      bundle: true,
      splitting: true,
      write: false,
      outdir: join(dir, 'dist'),
      platform: 'browser',
      format: 'esm',
      logLevel: 'silent',
    });
    const chunks = result.outputFiles.filter((f) => f.path.endsWith('.js'));
    expect(chunks.length).toBeGreaterThanOrEqual(forms.length + 1);
    for (const chunk of chunks) {
      expect(chunk.text).not.toMatch(evalLike);
      expect(chunk.text).not.toMatch(unresolvedRequire);
    }
  });

  it('writes nothing when one form cannot be precompiled', async () => {
    const broken = structuredClone(proposal);
    broken.version = 2;
    broken.schema.$id = 'urn:hoso:form:housing-proposal@2';
    (broken.schema.properties as any).commune.properties.note.format = 'markdown';
    await writeFile(join(dir, 'keep.txt'), 'x');
    await expect(buildStandaloneValidators([...forms, broken], dir)).rejects.toBeInstanceOf(FormDefinitionError);
    expect(await readdir(dir)).toEqual(['keep.txt']);
  });

  it('refuses the same form version twice', async () => {
    await expect(buildStandaloneValidators([proposal, structuredClone(proposal)], dir)).rejects.toThrow(
      'housing-proposal@1 is given twice',
    );
  });
});
