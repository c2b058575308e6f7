import seedEra from '../../../../domain/process/definitions/housing-support-2024@2.json';
import { mayActOnClock } from '../../../../domain/process/may-act-on-clock';
import type { ProcessDefinition } from '../../../../domain/process/process-definition';
import { slaSettingsOf } from '../../../../domain/process/process-definition';

const definition = seedEra as unknown as ProcessDefinition;
const { escalationRole } = slaSettingsOf(definition);
const state = {
  processingUnit: 'HN-HD',
  currentRole: 'district_officer',
  units: { commune: 'HN-HD-HC', district: 'HN-HD', province: 'HN' },
};

describe('who may take a clock action', () => {
  it.each([
    ['extend', 'district_officer', 'HN-HD', true],
    ['extend', escalationRole, 'HN-HD', true],
    ['extend', 'district_officer', 'HN', false],
    ['extend', 'commune_officer', 'HN-HD-HC', false],
    ['extend', 'admin', 'HN-HD', false],
    ['recompute_deadline', 'admin', 'HN', true],
    ['recompute_deadline', escalationRole, 'HN-HD-HC', true],
    ['recompute_deadline', 'district_officer', 'HN-HD', false],
    ['recompute_deadline', 'admin', 'HN-XX', false],
  ] as const)('%s by %s of %s: %s', (action, role, unitCode, allowed) => {
    expect(mayActOnClock(definition, state, action, { role, unitCode })).toBe(allowed);
  });
});
