// The generated PDFs, read back: A4, the Vietnamese font embedded with the glyphs the text needs, page breaks, and
// the text a reader extracts from them (pdfjs-dist): the dossier, the names and the dates in Vietnam time.
import { renderControlSlipPdf, type ControlSlipDocument } from '../../../../api/documents/render-control-slip-pdf';
import {
  renderExtensionLetterPdf,
  type ExtensionLetterDocument,
} from '../../../../api/documents/render-extension-letter-pdf';
import { formatVietnamLongDate, formatVietnamTime } from '../../../../api/documents/vietnam-clock';
import { pdfText } from '../../../integration/support/pdf-text';

/** The code points a PDF's ToUnicode maps cover (uncompressed output): which characters its text can show. */
function mappedCharacters(pdf: string): Set<string> {
  const chars = new Set<string>();
  for (const block of pdf.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const hex of block[1]!.matchAll(/<([0-9a-f]{4})>/gi)) chars.add(String.fromCharCode(parseInt(hex[1]!, 16)));
  }
  for (const block of pdf.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of block[1]!.matchAll(/<[0-9a-f]+>\s*<([0-9a-f]+)>/gi))
      chars.add(String.fromCharCode(parseInt(pair[1]!, 16)));
  }
  return chars;
}

const pages = (pdf: string) => (pdf.match(/\/Type \/Page\b/g) ?? []).length;

const slip = (rows: number): ControlSlipDocument => ({
  dossierId: 'HS-2026-000123',
  procedure: 'Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo',
  receivingUnit: 'Ủy ban nhân dân phường Hà Đông',
  superior: 'Ủy ban nhân dân thành phố Hà Nội',
  place: 'Hà Nội',
  applicant: 'Nguyễn Thị Hoa',
  receivedAt: '2026-03-02T02:15:00Z',
  dueAt: '2026-03-20T10:00:00Z',
  rows: Array.from({ length: rows }, (_, i) => ({
    at: new Date(Date.parse('2026-03-02T02:15:00Z') + i * 3600_000).toISOString(),
    from: 'Cán bộ giảm nghèo — Phường Hà Đông',
    to: i % 5 === 4 ? null : 'Sở Xây dựng — Thành phố Hà Nội',
    result: i % 3 === 0 ? 'Trả lại để bổ sung' : 'Đồng ý',
    timeliness: ['trước hạn', 'đúng hạn', 'quá hạn'][i % 3]!,
    note: i % 2 ? 'Bổ sung giấy xác nhận đất ở; ảnh hiện trạng nhà' : null,
  })),
  // 00:30 on 21 March in Việt Nam, still 20 March in UTC: the heading must be dated the 21st.
  printedAt: new Date('2026-03-20T17:30:00Z'),
});

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A slip row as its cells read in the extracted text, left to right (form 02: "1. Giao: … Nhận: …"). */
const rowText = (n: number, row: ControlSlipDocument['rows'][number]) =>
  [
    `${n}. Giao: ${row.from} Nhận: ${row.to ?? '—'}`,
    formatVietnamTime(row.at),
    capitalised(row.timeliness),
    [row.result, row.note].filter(Boolean).join('. '),
  ].join(' ');

const letter: ExtensionLetterDocument = {
  dossierId: 'HS-2026-000123',
  procedure: 'Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo',
  // The unit that extends (and apologises) is not the one that received the dossier.
  unit: 'Sở Xây dựng thành phố Hà Nội',
  place: 'Hà Nội',
  applicant: 'Nguyễn Thị Hoa',
  receivingUnit: 'Ủy ban nhân dân phường Hà Đông',
  // 23:30 on 1 March in UTC, 06:30 on 2 March in Việt Nam.
  receivedAt: '2026-03-01T23:30:00Z',
  previousDueAt: '2026-03-20T10:00:00Z',
  // 17:00 UTC on the 26th is midnight starting the 27th in Việt Nam.
  newDueAt: '2026-03-26T17:00:00Z',
  reason: 'Chờ kết quả xác minh hiện trạng nhà ở.',
  issuedBy: 'Lê Thị Mai',
  issuedAt: '2026-03-18T18:00:00Z',
};

describe('generated documents', () => {
  it('print the processing-control slip on A4 with the Vietnamese glyphs embedded', async () => {
    const pdf = (await renderControlSlipPdf(slip(4), { compress: false })).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+Tinos-Bold/);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+Tinos-Italic|\/BaseFont \/[A-Z]{6}\+Tinos-Regular/);
    expect(pdf).toContain('/FontFile2');
    const chars = mappedCharacters(pdf);
    for (const c of 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ Độc lập Hạnh phúc trước hạn đúng hạn quá hạn Nguyễn Thị Hoa') {
      if (c !== ' ') expect([c, chars.has(c)]).toEqual([c, true]);
    }
    expect(pages(pdf)).toBe(1);
  });

  it('show the dossier, the applicant, the units and every hand-off in Vietnam time on the slip', async () => {
    const document = slip(4);
    const text = await pdfText(await renderControlSlipPdf(document));
    expect(text.pages).toHaveLength(1);
    const lines = text.pages[0]!.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Hà Nội, ngày 21 tháng 03 năm 2026',
        'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
        'Mã hồ sơ: HS-2026-000123',
        'Thủ tục: Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo',
        'Tổ chức, cá nhân: Nguyễn Thị Hoa',
        'Ngày, giờ tiếp nhận: 09:15 02/03/2026',
        'Hạn giải quyết: 17:00 20/03/2026',
      ]),
    );
    expect(text.flat).toContain('ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI ỦY BAN NHÂN DÂN PHƯỜNG HÀ ĐÔNG');
    // Each hand-off, its cells in column order, the rows in order.
    let from = 0;
    document.rows.forEach((row, i) => {
      const at = text.flat.indexOf(rowText(i + 1, row), from);
      expect([i + 1, rowText(i + 1, row), at >= from]).toEqual([i + 1, rowText(i + 1, row), true]);
      from = at + 1;
    });
    expect(text.flat).toContain(
      '1. Giao: Cán bộ giảm nghèo — Phường Hà Đông Nhận: Sở Xây dựng — Thành phố Hà Nội 09:15 02/03/2026',
    );
    // Each timeliness on one line of its cell, capitalised as the one-stop forms write it (not "trước / hạn").
    const whole = (t: string) => lines.some((l) => l === t || l.startsWith(`${t} `));
    expect(['Trước hạn', 'Đúng hạn', 'Quá hạn'].filter((t) => !whole(t))).toEqual([]);
  });

  it('print "không quy định" for a dossier without a due time, and no applicant line without an applicant', async () => {
    const { applicant: _applicant, superior: _superior, ...rest } = slip(1);
    const text = await pdfText(await renderControlSlipPdf({ ...rest, dueAt: null }));
    expect(text.pages[0]!.split('\n')).toContain('Hạn giải quyết: không quy định');
    expect(text.flat).not.toContain('Tổ chức, cá nhân');
    expect(text.flat).not.toContain('THÀNH PHỐ HÀ NỘI');
    expect(text.flat).toContain('Mã hồ sơ: HS-2026-000123');
  });

  it('continue a long slip on further pages', async () => {
    const document = slip(60);
    const pdf = await renderControlSlipPdf(document, { compress: false });
    expect(pages(pdf.toString('latin1'))).toBeGreaterThanOrEqual(3);
    const text = await pdfText(pdf);
    expect(text.pages.length).toBe(pages(pdf.toString('latin1')));
    // The header row again on every page, every hand-off once and in order, across Việt Nam's midnight.
    for (const page of text.pages)
      expect(page.replace(/\s+/g, ' ')).toContain('Tên cơ quan, người giao, nhận Thời gian giao, nhận');
    let from = 0;
    document.rows.forEach((row, i) => {
      const at = text.flat.indexOf(rowText(i + 1, row), from);
      expect([i + 1, at >= from]).toEqual([i + 1, true]);
      from = at + 1;
    });
    expect(text.flat).toContain(
      '16. Giao: Cán bộ giảm nghèo — Phường Hà Đông Nhận: Sở Xây dựng — Thành phố Hà Nội 00:15 03/03/2026',
    );
  });

  it('print the apology and extension letter (form 04) on one A4 page with the Vietnamese glyphs embedded', async () => {
    const pdf = (await renderExtensionLetterPdf(letter, { compress: false })).toString('latin1');
    expect(pdf).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const chars = mappedCharacters(pdf);
    for (const c of 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ Kính gửi Sự chậm trễ thông cảm')
      if (c !== ' ') expect([c, chars.has(c)]).toEqual([c, true]);
    expect(pages(pdf)).toBe(1);
  });

  it('say in the letter who is owed the apology, for which dossier, and the promised and new dates in Vietnam time', async () => {
    const text = await pdfText(await renderExtensionLetterPdf(letter));
    expect(text.pages).toHaveLength(1);
    const lines = text.pages[0]!.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'Hà Nội, ngày 19 tháng 03 năm 2026',
        'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
        'Kính gửi: Ông/Bà Nguyễn Thị Hoa.',
        'Lập trên hệ thống bởi Lê Thị Mai',
      ]),
    );
    expect(text.flat).toContain('SỞ XÂY DỰNG THÀNH PHỐ HÀ NỘI');
    // The receiving unit received it; the extending unit is late and apologises.
    expect(text.flat).toContain('Ngày 02 tháng 03 năm 2026, Ủy ban nhân dân phường Hà Đông tiếp nhận giải quyết hồ sơ');
    expect(text.flat).toContain('Tuy nhiên đến nay, Sở Xây dựng thành phố Hà Nội chưa trả kết quả');
    expect(text.flat).toContain('thủ tục Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo của Ông/');
    expect(text.flat).toContain('mã hồ sơ HS-2026-000123.');
    expect(text.flat).toContain('Giấy tiếp nhận hồ sơ và hẹn trả kết quả là ngày 20 tháng 03 năm 2026.');
    expect(text.flat).toContain('lý do: Chờ kết quả xác minh hiện trạng nhà ở.');
    expect(text.flat).toContain('sẽ trả kết quả giải quyết hồ sơ vào ngày 27 tháng 03 năm 2026.');
    expect(text.flat).toContain('Mong nhận được sự thông cảm của Ông/Bà Nguyễn Thị Hoa vì sự chậm trễ này./.');
  });

  it('address the letter to "Ông/Bà" alone when the applicant is unknown', async () => {
    const { applicant: _applicant, ...rest } = letter;
    const text = await pdfText(await renderExtensionLetterPdf(rest));
    expect(text.pages[0]!.split('\n')).toContain('Kính gửi: Ông/Bà.');
    expect(text.flat).not.toContain('Nguyễn Thị Hoa');
  });

  it('write times and dates in Vietnam time', () => {
    expect(formatVietnamTime('2026-03-02T17:30:00Z')).toBe('00:30 03/03/2026');
    expect(formatVietnamLongDate('2026-12-31T17:00:00Z')).toBe('ngày 01 tháng 01 năm 2027');
  });
});
