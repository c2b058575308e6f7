import type { Models } from '../../storage/create-models';
import { hashPassword, SCRYPT_PARAMS, type ScryptParams } from '../../api/auth/hash-password';
import type { FormRegistry } from '../../api/registry/create-form-registry';
import type { ProcessRegistry } from '../../api/registry/create-process-registry';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo-accounts';
import { DEMO_UNITS } from './demo-units';
import { publishShippedDefinitions } from './publish-shipped-definitions';
import { seedDemoFunds } from './seed-demo-funds';

export interface SeedReport {
  units: number;
  users: number;
  formsPublished: string[];
  processesPublished: string[];
  funds: number;
}

/**
 * Demo mode's seed (HOSO_MODE=demo, `npm run demo`): upserts the demo units and accounts (published password
 * DEMO_PASSWORD), publishes the shipped forms and process definitions, and creates the demo funds with their
 * receipts (seedDemoFunds), so a new dossier can be approved with its funding split. Idempotent:
 * published versions are immutable (an identical republish is a no-op), units are upserted, and an existing user
 * keeps its password (its display name follows the demo account's). Safe to run on every start.
 */
export async function seedDemoData(deps: {
  models: Models;
  forms: FormRegistry;
  processes: ProcessRegistry;
  /** The scrypt cost of the demo accounts' hashes; SCRYPT_PARAMS when absent (test systems lower it). */
  passwordParams?: ScryptParams;
}): Promise<SeedReport> {
  const params = deps.passwordParams ?? SCRYPT_PARAMS;
  const report: SeedReport = { units: 0, users: 0, formsPublished: [], processesPublished: [], funds: 0 };
  for (const unit of DEMO_UNITS) {
    await deps.models.Unit.replaceOne({ _id: unit._id }, unit, { upsert: true });
    report.units += 1;
  }
  // Every demo account has the same published password: one hash (about 0.3 s at the current scrypt cost) serves
  // them all, made only when an account is missing.
  let demoHash: Promise<string> | undefined;
  for (const account of DEMO_ACCOUNTS) {
    const existing = await deps.models.User.findById(account.username, { displayName: 1, displayNameEn: 1 }).lean();
    if (existing) {
      // A demo account seeded before its person was named (in English too) gets the name; nothing else changes.
      if (existing.displayName !== account.displayName || existing.displayNameEn !== account.displayNameEn) {
        const names = { displayName: account.displayName, displayNameEn: account.displayNameEn };
        await deps.models.User.updateOne({ _id: account.username }, { $set: names });
      }
      continue;
    }
    await deps.models.User.create({
      _id: account.username,
      displayName: account.displayName,
      displayNameEn: account.displayNameEn,
      passwordHash:
        account.password === DEMO_PASSWORD
          ? await (demoHash ??= hashPassword(DEMO_PASSWORD, params))
          : await hashPassword(account.password, params),
      grants: [{ role: account.role, unitCode: account.unitCode }],
      active: true,
    });
    report.users += 1;
  }
  const published = await publishShippedDefinitions(deps);
  report.formsPublished = published.formsPublished;
  report.processesPublished = published.processesPublished;
  report.funds = await seedDemoFunds(deps.models);
  return report;
}
