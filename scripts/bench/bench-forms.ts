// `npm run bench:forms`: how many submissions of the housing proposal form one core validates per second — with the
// validator compiled once (what the API does), compiling per request (what it must never do), and with the
// precompiled browser validator — and writes the figures to docs/benchmarks.md (only its own section).
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createAjv, createFormValidator, FormFields, formRef, type FormDefinition } from '../../forms';
import { loadFormDefinitions } from '../../forms/node';
import { createPrecompiledValidator, type PrecompiledValidateFunction } from '../../forms/standalone';
import { bundleForBrowser, compileStandaloneValidator } from '../../forms/standalone/node';
import { measureThroughput, median, type RoundStats, type ThroughputResult } from './measure-throughput';
import { replaceMarkdownSection } from './replace-markdown-section';

const repoRoot = join(__dirname, '../..');
const docsFile = join(repoRoot, 'docs/benchmarks.md');
const heading = '## Forms (`npm run bench:forms`)';
const target = 100_000;
const options = { warmupMs: 1000, rounds: 10, roundMs: 400 };

/** Fields as a person sees them: every property (groups and inputs), not the root and not "any item of" entries. */
function countFields(form: FormDefinition): { fields: number; inputs: number; groups: number } {
  const all = FormFields.of(form.schema)
    .all()
    .filter((f) => f.pointer !== '' && f.name !== '*');
  const byPointer = new Map(all.map((f) => [f.pointer, f]));
  const isGroup = (pointer: string): boolean => {
    const field = FormFields.of(form.schema).get(pointer);
    return !!field && field.children.some((child) => child !== '*' || isGroup(`${pointer}/*`));
  };
  const groups = [...byPointer.keys()].filter(isGroup).length;
  return { fields: all.length, inputs: all.length - groups, groups };
}

/** The example with three mistakes a person makes: an 11-digit citizen ID, 13th month, 45 % agreement. */
function invalidVariant(example: any): unknown {
  const data = structuredClone(example);
  data.household.citizenId = '00118502345';
  data.commune.villageMeetingDate = '2024-13-15';
  data.commune.agreementPercent = 45;
  return data;
}

/** The precompiled validator as a page gets it: the generated module bundled for the browser, loaded as ESM. */
async function loadPrecompiled(
  form: FormDefinition,
): Promise<{ validate: PrecompiledValidateFunction; bytes: number }> {
  const bundle = await bundleForBrowser(compileStandaloneValidator(form).source, { format: 'esm', minify: true });
  const dir = await mkdtemp(join(os.tmpdir(), 'bench-forms-'));
  try {
    const file = join(dir, 'validator.mjs');
    await writeFile(file, bundle.code);
    const module = (await import(pathToFileURL(file).href)) as { validate: PrecompiledValidateFunction };
    return { validate: module.validate, bytes: bundle.bytes };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function progressBar(): (p: { round: number; rounds: number; caseIndex: number; cases: number; id: string }) => void {
  const width = 30;
  return ({ round, rounds, caseIndex, cases, id }) => {
    const done = (round * cases + caseIndex) / ((rounds + 1) * cases);
    const bar = '#'.repeat(Math.round(done * width)).padEnd(width, '.');
    const label = round === 0 ? 'warm-up' : `round ${round}/${rounds}`;
    // On a terminal one line redrawn per case; in a log one line per round.
    if (process.stderr.isTTY)
      process.stderr.write(
        `\r[${bar}] ${label.padEnd(12)} ${id}`
          .slice(0, (process.stderr.columns || 120) - 1)
          .padEnd(120)
          .slice(0, (process.stderr.columns || 120) - 1),
      );
    else if (caseIndex === 0) process.stderr.write(`[${bar}] ${label}\n`);
  };
}

const perSecond = (n: number) => `${Math.round(n).toLocaleString('en-US')}`;
const range = (r: RoundStats) =>
  `${perSecond(r.min)} – ${perSecond(r.max)} (±${(((r.max - r.min) / 2 / r.median) * 100).toFixed(0)} %)`;
const times = (n: number) => `×${Math.round(n).toLocaleString('en-US')}`;

async function main(): Promise<void> {
  const forms = await loadFormDefinitions();
  const form = forms.filter((f) => f.key === 'housing-proposal').sort((a, b) => b.version - a.version)[0];
  if (!form) throw new Error('no housing-proposal form in forms/definitions');
  const ref = formRef(form.key, form.version);
  const valid = JSON.parse(await readFile(join(repoRoot, `forms/examples/${ref}.json`), 'utf8'));
  const invalid = invalidVariant(valid);
  const count = countFields(form);

  const server = createFormValidator();
  const ajvOnly = createAjv().compile(form.schema);
  const precompiled = await loadPrecompiled(form);
  const browser = createPrecompiledValidator(precompiled.validate, form);

  // The cases must answer as expected, or the figures would measure something else.
  const invalidResult = server.validate(form, invalid);
  if (!server.validate(form, valid).valid || invalidResult.valid)
    throw new Error(`the ${ref} example or its invalid variant is not what the benchmark expects`);
  if (JSON.stringify(browser.validate(invalid)) !== JSON.stringify(invalidResult))
    throw new Error('the precompiled validator disagrees with the server');
  const errorCount = invalidResult.errors.length;

  process.stderr.write(
    `bench:forms — ${ref}, ${count.fields} fields (${count.inputs} inputs in ${count.groups} groups); ` +
      `${options.rounds} interleaved rounds of ${options.roundMs} ms after ${options.warmupMs} ms warm-up per case\n`,
  );
  const loadBefore = os.loadavg()[0]!;
  const started = Date.now();
  const cases: Array<{ id: string; label: string; run: () => unknown }> = [
    { id: 'onceValid', label: '(a) compiled once — valid example', run: () => server.validate(form, valid) },
    {
      id: 'onceInvalid',
      label: `(a) compiled once — invalid variant (${errorCount} field errors)`,
      run: () => server.validate(form, invalid),
    },
    {
      id: 'ajvInvalid',
      label: '(a) compiled once — invalid variant, ajv only (no vi/en field errors)',
      run: () => ajvOnly(invalid),
    },
    {
      id: 'perRequestValid',
      label: '(b) compiled per request (new ajv + compile) — valid example',
      run: () => createFormValidator(createAjv()).validate(form, valid),
    },
    {
      id: 'perRequestInvalid',
      label: '(b) compiled per request — invalid variant',
      run: () => createFormValidator(createAjv()).validate(form, invalid),
    },
    {
      id: 'preValid',
      label: '(d) precompiled standalone (browser bundle) — valid example',
      run: () => browser.validate(valid),
    },
    { id: 'preInvalid', label: '(d) precompiled standalone — invalid variant', run: () => browser.validate(invalid) },
  ];
  const measured = measureThroughput(
    cases.map(({ label, run }) => ({ id: label, run })),
    { ...options, onProgress: progressBar() },
  );
  if (process.stderr.isTTY) process.stderr.write('\n');
  const seconds = (Date.now() - started) / 1000;
  const loadAfter = os.loadavg()[0]!;
  const result = Object.fromEntries(cases.map((c, i) => [c.id, measured[i]!])) as Record<string, ThroughputResult>;
  const r = (id: string) => result[id]!;

  // Ratio of the same round's figures, so both sides saw the same machine.
  const ratio = (a: string, b: string) => {
    const perRound = r(a).cpu.perRound.map((x, i) => x / r(b).cpu.perRound[i]!);
    return `${times(median(perRound))} (rounds ${times(Math.min(...perRound))} – ${times(Math.max(...perRound))})`;
  };
  const verdict = (id: string, what: string) =>
    `${what}: ${perSecond(r(id).cpu.median)}/s — ${r(id).cpu.median >= target ? 'met' : '**not met**'}`;

  const cpus = os.cpus();
  const body = [
    `Command: \`npm run bench:forms\` (\`tsx scripts/bench/bench-forms.ts\`), run ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')},`,
    `Node ${process.version}, ${cpus[0]?.model.trim() ?? 'unknown CPU'} (${cpus.length} logical cores; 1-minute load average`,
    `${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after the run).`,
    '',
    `Form \`${ref}\`: ${count.fields} fields (${count.inputs} inputs in ${count.groups} groups). Server validation is`,
    '`createFormValidator().validate`: ajv plus the vi/en field errors a 422 carries. The precompiled validator is the',
    'generated module bundled for the browser (esbuild, minified), loaded as an ES module and wrapped by',
    '`createPrecompiledValidator` (same result, same messages).',
    '',
    `Method: one thread; ${options.warmupMs} ms warm-up per case, then ${options.rounds} rounds of ${options.roundMs} ms interleaved`,
    'across the cases; median of the rounds, and their min – max (± is half the range relative to the median).',
    '"Per CPU-second" divides by the CPU time the process used, "per wall-second" by elapsed time: on a shared',
    'machine (see the load average) the first is what one core does, the second what this run got. Targets and',
    `ratios use the CPU figures. Run time ${seconds.toFixed(0)} s.`,
    '',
    '| Case | Validations per CPU-second (median) | Rounds min – max | Per wall-second (median) |',
    '| --- | ---: | ---: | ---: |',
    ...cases.map(
      (c) =>
        `| ${c.label} | ${perSecond(r(c.id).cpu.median)} | ${range(r(c.id).cpu)} | ${perSecond(r(c.id).wall.median)} |`,
    ),
    '',
    `(c) Compiled once ÷ compiled per request, same run, same rounds: ${ratio('onceValid', 'perRequestValid')} for the valid`,
    `example, ${ratio('onceInvalid', 'perRequestInvalid')} for the invalid variant.`,
    '',
    `Target ≥ ${perSecond(target)} validations/s per core for a 30-field form (this one has ${count.fields}):`,
    `- ${verdict('onceValid', 'server (compiled once), valid submission')}`,
    `- ${verdict('onceInvalid', 'server (compiled once), invalid submission')}; ajv alone does ${perSecond(r('ajvInvalid').cpu.median)}/s on it,`,
    '  the rest of the time goes into building the vi/en field errors (`localizeErrors`)',
    `- ${verdict('preValid', 'precompiled (browser), valid submission')}`,
    `- ${verdict('preInvalid', 'precompiled (browser), invalid submission')}`,
    '',
    `The browser bundle of this one validator is ${(precompiled.bytes / 1024).toFixed(1)} KiB minified, before compression (the`,
    "embedded schema and ajv-formats' format functions included). The embed's total JS size and first-render time",
    'are in the Embed section below (`npm run bench:embed`).',
  ].join('\n');

  const existing = await readFile(docsFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT')
      return '# Benchmarks\n\nEach section is written by the command in its heading; rerun the command to refresh it.\n';
    throw error;
  });
  const temporary = `${docsFile}.${process.pid}.tmp`;
  await writeFile(temporary, replaceMarkdownSection(existing, heading, body));
  await rename(temporary, docsFile);

  process.stdout.write(`\n${heading}\n\n${body}\n\nWritten to ${docsFile}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:forms failed: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
