import fs from 'node:fs';
import path from 'node:path';

/** Reads every `*.json` process definition in `dir` (unchecked: publishing checks them). */
export function loadProcessDefinitions(dir: string): unknown[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as unknown);
}
