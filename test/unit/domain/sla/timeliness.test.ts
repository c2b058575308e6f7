import { timelinessOf } from '../../../../domain/sla/timeliness';

const start = '2026-03-02T00:00:00.000Z';
const due = '2026-03-06T00:00:00.000Z'; // 4 days later
const at = (iso: string) => Date.parse(iso);

describe('timelinessOf', () => {
  it.each([
    ['half-way through the step', '2026-03-04T00:00:00.000Z', 'not_due'],
    ['after three quarters of the step', '2026-03-05T01:00:00.000Z', 'near_due'],
    ['exactly at the due time', due, 'near_due'],
    ['after the due time', '2026-03-06T00:00:01.000Z', 'overdue'],
  ])('an open step %s is %s', (_name, now, expected) => {
    expect(timelinessOf({ startedAt: start, dueAt: due, closedAt: null }, at(now))).toBe(expected);
  });

  it('judges a closed dossier against the due time in force when it closed', () => {
    expect(
      timelinessOf({ startedAt: null, dueAt: null, closedAt: '2026-03-05T00:00:00.000Z', closedDueAt: due }, 0),
    ).toBe('on_time');
    expect(
      timelinessOf({ startedAt: null, dueAt: null, closedAt: '2026-03-07T00:00:00.000Z', closedDueAt: due }, 0),
    ).toBe('late');
  });

  it('has no timeliness for an open step without a due time', () => {
    expect(timelinessOf({ startedAt: start, dueAt: null, closedAt: null }, at(due))).toBeNull();
  });
});
