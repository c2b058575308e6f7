// Node-only: reads files. Never import this from code that runs in the browser or the workflow sandbox; the
// browser-safe surface is ./index.ts, the Node one ./node.ts.
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { checkFormDefinition } from './check-form-definition';
import type { FormDefinition } from './form-definition';
import { FormDefinitionError } from './form-definition-error';
import type { FormDefinitionProblem } from './form-definition-problem';
import { formRef } from './form-ref';

/** Where the shipped definitions live. */
export const shippedDefinitionsDir = join(__dirname, 'definitions');

/**
 * Reads every `<key>@<version>.json` in `dir` (default: the shipped `forms/definitions`), checks each with
 * `checkFormDefinition`, and returns them ordered by key then version.
 *
 * All or nothing: if any file cannot be read or parsed, is named differently from its key and version, repeats a
 * key@version or fails the publish check, it throws one {@link FormDefinitionError} listing the problems of every
 * file (each with `source` set to the file name), so a broken definition stops start-up instead of failing a
 * dossier later. Filesystem errors on the directory itself (missing, unreadable) are thrown as they are.
 */
export async function loadFormDefinitions(dir: string = shippedDefinitionsDir): Promise<FormDefinition[]> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  const problems: FormDefinitionProblem[] = [];
  const byRef = new Map<string, { definition: FormDefinition; source: string }>();

  for (const file of files) {
    const source = basename(file);
    let candidate: unknown;
    try {
      candidate = JSON.parse(await readFile(join(dir, file), 'utf8'));
    } catch (error) {
      problems.push({ code: 'file', path: '', message: `cannot read or parse: ${(error as Error).message}`, source });
      continue;
    }
    const check = checkFormDefinition(candidate);
    if (!check.ok) {
      problems.push(...check.problems.map((p) => ({ ...p, source })));
      continue;
    }
    const ref = formRef(check.definition.key, check.definition.version);
    if (source !== `${ref}.json`) {
      problems.push({ code: 'file', path: '', message: `defines ${ref}, so it must be named "${ref}.json"`, source });
      continue;
    }
    const previous = byRef.get(ref);
    if (previous) {
      problems.push({ code: 'duplicate', path: '', message: `${ref} is also defined in ${previous.source}`, source });
      continue;
    }
    byRef.set(ref, { definition: check.definition, source });
  }

  if (problems.length > 0) throw new FormDefinitionError(problems, `Form definitions in ${dir} are not usable`);
  return [...byRef.values()]
    .map((entry) => entry.definition)
    .sort((a, b) => (a.key === b.key ? a.version - b.version : a.key < b.key ? -1 : 1));
}
