import { readPaperReceipt } from '../../../web/app/dossier/read-paper-receipt';
import { paperReceiptText } from '../../../web/app/i18n/paper-receipt-text';

const vi = paperReceiptText('vi');

describe('readPaperReceipt: the new dossier’s paper receipt field', () => {
  it('sends nothing when both parts are empty (received now)', () => {
    expect(readPaperReceipt('  ', '', vi)).toEqual({});
  });

  it.each([
    ['04/12/2026', '08:30', '2026-12-04T08:30:00+07:00'],
    ['4/12/2026', '8:05', '2026-12-04T08:05:00+07:00'],
    ['04122026', '23h59', '2026-12-04T23:59:00+07:00'],
    // Typed on a phone's numeric keypad, without a separator.
    ['04122026', '0830', '2026-12-04T08:30:00+07:00'],
    ['04122026', '830', '2026-12-04T08:30:00+07:00'],
  ])('reads %s %s as a Việt Nam time with its offset', (date, time, receivedAt) => {
    expect(readPaperReceipt(date, time, vi)).toEqual({ receivedAt });
  });

  it.each([
    ['31/02/2026', '08:30', vi.badDate('31/02/2026')],
    ['hôm qua', '08:30', vi.badDate('hôm qua')],
    ['04/12/2026', '24:00', vi.badTime('24:00')],
    ['04/12/2026', '8', vi.badTime('8')],
    ['04/12/2026', '2460', vi.badTime('2460')],
    ['04/12/2026', '', vi.needTime],
    ['', '08:30', vi.needDate],
  ])('refuses %s %s under the field', (date, time, problem) => {
    expect(readPaperReceipt(date, time, vi)).toEqual({ problem });
  });

  it('says the problem in English when the page is in English', () => {
    expect(readPaperReceipt('', '08:30', paperReceiptText('en'))).toEqual({ problem: 'Enter the receipt date too' });
  });
});
