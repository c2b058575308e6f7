import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import standaloneCode from 'ajv/dist/standalone';
import { createAjv, createFormValidator, localizeErrors, type FormDefinition } from '../../../forms';

const formsDir = join(__dirname, '../../../forms');
/** The only files under forms/ allowed to touch Node: the loader and the Node surface that re-exports it. */
const nodeOnly = new Set(['load-form-definitions.ts', 'node.ts']);
const sources = readdirSync(formsDir).filter((f) => f.endsWith('.ts') && !nodeOnly.has(f));
const importsOf = (file: string) =>
  [...readFileSync(join(formsDir, file), 'utf8').matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map(
    (m) => m[1]!,
  );

describe('the browser-safe part of forms/', () => {
  it.each(sources)('%s imports no Node built-in and nothing Node-only', (file) => {
    const imports = importsOf(file);
    const node = imports.filter(
      (spec) =>
        spec.startsWith('node:') ||
        builtinModules.includes(spec.split('/')[0]!) ||
        nodeOnly.has(`${spec.replace(/^\.\//, '')}.ts`),
    );
    expect(node).toEqual([]);
  });

  it('uses no Node globals', () => {
    const offenders = sources.filter((file) =>
      /\b(?:__dirname|__filename|process\.|Buffer\b)/.test(readFileSync(join(formsDir, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});

describe('precompiled validators for the browser', () => {
  const proposal: FormDefinition = JSON.parse(
    readFileSync(join(formsDir, 'definitions/housing-proposal@1.json'), 'utf8'),
  );

  it('come from the same set-up and give the same field errors as the server', () => {
    const ajv = createAjv({ code: { source: true } });
    const code = standaloneCode(ajv, ajv.compile(proposal.schema));
    const module = { exports: {} as Record<string, unknown> };
    new Function('module', 'exports', 'require', code)(module, module.exports, require);
    const precompiled = module.exports as unknown as ((data: unknown) => boolean) & { errors?: any[] };

    const data = JSON.parse(readFileSync(join(formsDir, 'examples/housing-proposal@1.repair.json'), 'utf8'));
    data.household.citizenId = '123';
    data.support.requestedAmount = 70000000;
    data.commune.villageMeetingDate = '2024-13-01';

    expect(precompiled(data)).toBe(false);
    expect(code).not.toContain('customFormats'); // the project's formats are inlined as regular expressions
    expect({ valid: false, errors: localizeErrors(proposal, precompiled.errors ?? []) }).toEqual(
      createFormValidator().validate(proposal, data),
    );
  });
});
