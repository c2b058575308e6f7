import { newestOnly } from '../../../web/app/api/newest-only';

describe('newest only', () => {
  it('keeps the answer of the newest load only, whatever order the answers come in', () => {
    const loads = newestOnly();
    const first = loads.start();
    expect(first()).toBe(true);
    const second = loads.start();
    // The first load's answer comes after the second load started: it is dropped, the second's is used.
    expect([first(), second()]).toEqual([false, true]);
    const third = loads.start();
    expect([first(), second(), third()]).toEqual([false, false, true]);
  });

  it('numbers each page’s loads on their own', () => {
    const inbox = newestOnly();
    const notifications = newestOnly();
    const fromInbox = inbox.start();
    notifications.start();
    expect(fromInbox()).toBe(true);
  });
});
