import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Dossier } from '../../../api-contract';
import { allowedActions } from '../../../web/app/dossier/allowed-actions';
import { startableGrants } from '../../../web/app/dossier/startable-grants';
import type { Level, ProcessDefinition } from '../../../domain/process/process-definition';
import { startProblem } from '../../../domain/process/start-problem';
import type { UnitItem } from '../../../api-contract';

const unit = (code: string, level: Level, parent: string | null, lastDay: string | null = null): UnitItem => ({
  code,
  name: code,
  level,
  parent,
  effectiveFrom: '2020-01-01',
  effectiveTo: lastDay,
  successor: null,
  successors: [],
  // The API's flag for today (2026-12-05 in these tests).
  inForce: lastDay === null,
  acceptsDossiers: lastDay === null,
});

const definition = JSON.parse(
  readFileSync(
    path.join(__dirname, '..', '..', '..', 'domain', 'process', 'definitions', 'housing-support-2024@1.json'),
    'utf8',
  ),
) as ProcessDefinition;
const units = { commune: 'HN-HD-HC', district: 'HN-HD', province: 'HN' };

const dossierAt = (step: string, facts: Dossier['facts'] = {}): Dossier =>
  ({ id: 'HN-HD-HC-2026-00001', units, facts, currentStep: { id: step }, status: 'in_progress' }) as unknown as Dossier;

const commune = [{ role: 'commune_officer', unitCode: 'HN-HD-HC' }];
const district = [{ role: 'district_officer', unitCode: 'HN-HD' }];

describe('the actions the app offers', () => {
  it("offers the district its step's actions, labelled by the transition its facts would take", () => {
    const newBuild = allowedActions(definition, dossierAt('district-review', { supportType: 'new_build' }), district);
    expect(newBuild.map((a) => [a.action, a.label?.vi, a.requiresForm, a.requiresComment])).toEqual([
      ['approve', 'Đồng ý, trình tỉnh', true, false],
      ['return', 'Trả lại để bổ sung', false, true],
      ['reject', 'Từ chối', false, true],
    ]);
    const repair = allowedActions(definition, dossierAt('district-review', { supportType: 'repair' }), district);
    expect(repair[0]).toMatchObject({ action: 'approve', label: { vi: 'Phê duyệt sửa chữa' } });
  });

  it("offers withdraw to the applicant's commune at a later step, and nothing to another unit or role", () => {
    expect(allowedActions(definition, dossierAt('district-review'), commune)).toEqual([
      { action: 'withdraw', label: { vi: 'Rút hồ sơ', en: 'Withdraw' }, requiresForm: false, requiresComment: true },
    ]);
    expect(
      allowedActions(definition, dossierAt('district-review'), [{ role: 'commune_officer', unitCode: 'HN-HD-YN' }]),
    ).toEqual([]);
    expect(
      allowedActions(definition, dossierAt('district-review'), [{ role: 'treasurer', unitCode: 'HN-HD' }]),
    ).toEqual([]);
    expect(allowedActions(definition, { ...dossierAt('proposal'), currentStep: null }, commune)).toEqual([]);
  });

  it('lets only holders of the first step role start a dossier', () => {
    expect(startableGrants(definition, [...commune, ...district])).toEqual(commune);
    expect(startableGrants(definition, district)).toEqual([]);
  });

  it('offers a unit only the chains it can start today: a post-2025 ward has no district for the seed-era chain', () => {
    const directory: Record<string, UnitItem> = {
      HN: unit('HN', 'province', null),
      'HN-HD': unit('HN-HD', 'district', 'HN'),
      'HN-HD-HC': unit('HN-HD-HC', 'commune', 'HN-HD'),
      'HN-KIENHUNG': unit('HN-KIENHUNG', 'commune', 'HN'),
    };
    const context = { unit: (code: string) => directory[code], today: '2026-12-05' };
    const postReform = [{ role: 'commune_officer', unitCode: 'HN-KIENHUNG' }];
    expect(startableGrants(definition, [...commune, ...postReform], context)).toEqual(commune);
    expect(startableGrants(definition, postReform, context)).toEqual([]);
    // A definition not in effect today is offered to nobody; a unit the directory does not know is left to the server.
    expect(startableGrants({ ...definition, effectiveTo: '2025-06-30' }, commune, context)).toEqual([]);
    const unknown = [{ role: 'commune_officer', unitCode: 'HN-NEW' }];
    expect(startableGrants(definition, unknown, context)).toEqual(unknown);
    // A ward retired by the reform, or a ward whose district was abolished, is offered nothing.
    const retired: Record<string, UnitItem> = { ...directory, 'HN-HD': unit('HN-HD', 'district', 'HN', '2025-06-30') };
    expect(startableGrants(definition, commune, { ...context, unit: (code: string) => retired[code] })).toEqual([]);
    // Where the installation does not enforce validity (the API then takes the dossier), the app offers it too.
    const unenforced: Record<string, UnitItem> = {
      ...retired,
      'HN-HD': { ...retired['HN-HD']!, acceptsDossiers: true },
    };
    expect(startableGrants(definition, commune, { ...context, unit: (code: string) => unenforced[code] })).toEqual(
      commune,
    );
    expect(startProblem(definition, ['commune', 'province'], '2026-12-05')).toMatchObject({
      kind: 'missing_level',
      level: 'district',
      step: { id: 'district-review' },
    });
  });
});
