// docs/api.md's walkthrough, run as it is written (bash, curl and node, no jq) against a real system: its dossier
// goes from the ward through the district, the city and both treasuries to the ward's completion acceptance.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();
const repo = join(__dirname, '..', '..');

/** The first `sh` block under the walkthrough's heading. */
function walkthrough(): string {
  const doc = readFileSync(join(repo, 'docs', 'api.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## A dossier from end to end, with curl'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block?.includes('API=http://localhost:3000')) throw new Error('docs/api.md: the walkthrough block moved');
  return block;
}

it('takes the dossier through every level as the documentation says', async () => {
  const script = walkthrough().replace('API=http://localhost:3000', `API=${ctx.system.baseUrl}`);
  const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', script], {
    cwd: repo,
    maxBuffer: 10 * 1024 * 1024,
  });
  const said = stdout.split('\n').filter((line) => /^(received|in_progress|completed) /.test(line));
  const promised = [...walkthrough().matchAll(/^where +# (.+)$/gm)].map((m) => m[1]!.trim());
  expect(promised).toHaveLength(4);
  expect(said).toEqual(promised);
  expect(said.at(-1)).toBe('in_progress completion-acceptance');
  // The district's inbox listed the dossier (its id is the first thing the walk prints after the creation).
  expect(stdout).toMatch(/^(\S+ )*HN-HD-DN-\d{4}-\d{5}( \S+)*$/m);
});
