import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Dossier } from '../../../api-contract';
import { allowedActions } from '../../../web/app/dossier/allowed-actions';
import { startableGrants } from '../../../web/app/dossier/startable-grants';
import type { ProcessDefinition } from '../../../domain/process/process-definition';

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
});
