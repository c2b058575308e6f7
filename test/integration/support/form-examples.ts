import fs from 'node:fs';
import path from 'node:path';

const dir = path.join(__dirname, '..', '..', '..', 'forms', 'examples');

/**
 * A fresh copy of a shipped example submission, e.g. `example('housing-proposal@1')` or
 * `('housing-proposal@1.repair')`.
 */
export function example(name: string): Record<string, any> {
  return JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')) as Record<string, any>;
}

/** The proposal example placed in the given commune. */
export function proposalIn(unitCode: string, variant = ''): Record<string, any> {
  const data = example(`housing-proposal@1${variant}`);
  data.household.address.unitCode = unitCode;
  return data;
}
