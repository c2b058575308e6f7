import type { DecisionRecord } from '../../../../domain/process/dossier-state';
import {
  earlierDefinitionRefs,
  recordDefinitionLookup,
  recordedDefinitions,
} from '../../../../domain/process/recorded-definitions';

const actor = { userId: 'u', role: 'r', unitCode: 'X' };
const record = (seq: number, fromStep: string | null, toStep: string | null): DecisionRecord => ({
  seq,
  action: 'approve',
  fromStep,
  toStep,
  actor,
  at: '2025-07-01T00:00:00.000Z',
});
const transfer = (seq: number, from: number, to: number, fromKey = 'housing-support-2024'): DecisionRecord => ({
  ...record(seq, 'district-review', 'province-approval'),
  action: 'transfer',
  transfer: {
    transferId: `p:${seq}`,
    from: { processKey: fromKey, processVersion: from, step: 'district-review', unitCode: 'HN-HD' },
    to: { processKey: 'housing-support-2025', processVersion: to, step: 'province-approval', unitCode: 'HN' },
  },
});

describe('recordedDefinitions', () => {
  const history = [record(1, null, 'proposal'), record(2, 'proposal', 'district-review'), transfer(3, 2, 6)];
  const after = [...history, record(4, 'province-approval', 'payment')];
  const current = { processKey: 'housing-support-2025', processVersion: 6 };

  it('names the old definition for records before a transfer, both for the transfer, the new one after', () => {
    const bySeq = recordedDefinitions(after, current);
    expect(bySeq.get(1)).toEqual({
      from: { processKey: 'housing-support-2024', processVersion: 2 },
      to: bySeq.get(1)!.from,
    });
    expect(bySeq.get(2)!.to).toEqual({ processKey: 'housing-support-2024', processVersion: 2 });
    expect(bySeq.get(3)).toEqual({
      from: { processKey: 'housing-support-2024', processVersion: 2 },
      to: { processKey: 'housing-support-2025', processVersion: 6 },
    });
    expect(bySeq.get(4)).toEqual({ from: current, to: current });
  });

  it('follows two transfers back to the first definition, and lists the earlier definitions once each', () => {
    const twice = [...after, transfer(5, 6, 7, 'housing-support-2025')];
    const now = { processKey: 'housing-support-2025', processVersion: 7 };
    const bySeq = recordedDefinitions(twice, now);
    expect(bySeq.get(1)!.from.processVersion).toBe(2);
    expect(bySeq.get(4)!.from).toEqual({ processKey: 'housing-support-2025', processVersion: 6 });
    expect(earlierDefinitionRefs(twice, now)).toEqual([
      { processKey: 'housing-support-2024', processVersion: 2 },
      { processKey: 'housing-support-2025', processVersion: 6 },
    ]);
  });

  it('is the current definition throughout for a dossier never moved', () => {
    const bySeq = recordedDefinitions(history.slice(0, 2), current);
    expect([...bySeq.values()].every((d) => d.from === d.to && d.from.processVersion === 6)).toBe(true);
    expect(earlierDefinitionRefs(history.slice(0, 2), current)).toEqual([]);
  });

  it('looks a record up among the loaded definitions, falling back to the current one', () => {
    const old = { key: 'housing-support-2024', version: 2, name: 'old' };
    const now = { key: 'housing-support-2025', version: 6, name: 'new' };
    const lookup = recordDefinitionLookup(after, now, [old]);
    expect(lookup(2, 'from').name).toBe('old');
    expect(lookup(3, 'from').name).toBe('old');
    expect(lookup(3, 'to').name).toBe('new');
    expect(lookup(4, 'from').name).toBe('new');
    expect(recordDefinitionLookup(after, now, [])(2, 'from').name).toBe('new');
  });
});
