import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { InboxItem } from '../../../api-contract';
import { commonBulkActions, inboxBulkActions } from '../../../web/app/dossier/inbox-bulk-actions';
import type { ProcessDefinition } from '../../../domain/process/process-definition';

const load = (name: string) =>
  JSON.parse(
    readFileSync(path.join(__dirname, '..', '..', '..', 'domain', 'process', 'definitions', `${name}.json`), 'utf8'),
  ) as ProcessDefinition;
const v3 = load('housing-support-2025@3');
const v2 = load('housing-support-2025@2');

const row = (currentStep: string, currentRole: string, processVersion = 3): InboxItem =>
  ({
    id: 'HN-KIENHUNG-2026-00001',
    processKey: 'housing-support-2025',
    processVersion,
    currentStep,
    currentRole,
    processingUnit: 'HN',
    status: 'in_progress',
  }) as InboxItem;

const head = [{ role: 'unit_head', unitCode: 'HN' }];

describe('bulk actions in the inbox', () => {
  it("lets the city's unit head approve version 3 dossiers in bulk, and nothing else", () => {
    expect(inboxBulkActions(v3, row('province-approval', 'unit_head'), head)).toEqual([
      { action: 'approve', label: { vi: 'Phê duyệt', en: 'Approve' }, requiresComment: false },
    ]);
    expect(
      inboxBulkActions(v3, row('province-approval', 'unit_head'), [{ role: 'unit_head', unitCode: 'HN-HD' }]),
    ).toEqual([]);
    expect(
      inboxBulkActions(v3, row('province-appraisal', 'province_officer'), [
        { role: 'province_officer', unitCode: 'HN' },
      ]),
    ).toEqual([]);
    expect(
      inboxBulkActions(v2, row('province-approval', 'province_officer', 2), [
        { role: 'province_officer', unitCode: 'HN' },
      ]),
    ).toEqual([]);
    expect(inboxBulkActions(undefined, row('province-approval', 'unit_head'), head)).toEqual([]);
    expect(inboxBulkActions(v3, { ...row('province-approval', 'unit_head'), currentStep: null }, head)).toEqual([]);
  });

  it('keeps the actions every selected row shares, requiring a reason if any row does', () => {
    const approve = { action: 'approve' as const, requiresComment: false };
    const reject = { action: 'reject' as const, requiresComment: true };
    expect(commonBulkActions([])).toEqual([]);
    expect(commonBulkActions([[approve, reject], [reject]])).toEqual([reject]);
    expect(commonBulkActions([[approve], [{ ...approve, requiresComment: true }]])).toEqual([
      { ...approve, requiresComment: true },
    ]);
    expect(commonBulkActions([[approve], []])).toEqual([]);
  });
});
