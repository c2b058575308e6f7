import fs from 'node:fs';
import path from 'node:path';
import { randomInt } from 'node:crypto';

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

/**
 * The submission with a household of its own: a random citizen id for its head, so the overlap rules
 * (docs/overlap-checks.md) see a new household. For runs on a whole system (`npm start`'s launcher: load, faults,
 * benchmarks) that create many dossiers from one example.
 */
export function withNewHousehold<T extends Record<string, any>>(data: T): T {
  data.household.citizenId = `09${String(randomInt(0, 10_000_000_000)).padStart(10, '0')}`;
  return data;
}
