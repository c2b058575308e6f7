// The generated PDFs, read back: A4, the Vietnamese font embedded with the glyphs the text needs, page breaks.
import { renderControlSlipPdf, type ControlSlipDocument } from '../../../../api/documents/render-control-slip-pdf';
import { renderExtensionLetterPdf } from '../../../../api/documents/render-extension-letter-pdf';
import { formatVietnamLongDate, formatVietnamTime } from '../../../../api/documents/vietnam-clock';

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
  printedAt: new Date('2026-03-21T01:00:00Z'),
});

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

  it('continue a long slip on further pages', async () => {
    const pdf = (await renderControlSlipPdf(slip(60), { compress: false })).toString('latin1');
    expect(pages(pdf)).toBeGreaterThanOrEqual(3);
  });

  it('print the apology and extension letter (form 04) on one A4 page with the Vietnamese glyphs embedded', async () => {
    const pdf = (
      await renderExtensionLetterPdf(
        {
          dossierId: 'HS-2026-000123',
          procedure: 'Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo',
          unit: 'Ủy ban nhân dân phường Hà Đông',
          place: 'Hà Nội',
          applicant: 'Nguyễn Thị Hoa',
          receivedAt: '2026-03-02T02:15:00Z',
          previousDueAt: '2026-03-20T10:00:00Z',
          newDueAt: '2026-03-27T10:00:00Z',
          reason: 'Chờ kết quả xác minh hiện trạng nhà ở.',
          issuedBy: 'xa2025.hadong',
          issuedAt: '2026-03-18T03:00:00Z',
        },
        { compress: false },
      )
    ).toString('latin1');
    expect(pdf).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const chars = mappedCharacters(pdf);
    for (const c of 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ Kính gửi Sự chậm trễ thông cảm')
      if (c !== ' ') expect([c, chars.has(c)]).toEqual([c, true]);
    expect(pages(pdf)).toBe(1);
  });

  it('write times and dates in Vietnam time', () => {
    expect(formatVietnamTime('2026-03-02T17:30:00Z')).toBe('00:30 03/03/2026');
    expect(formatVietnamLongDate('2026-12-31T17:00:00Z')).toBe('ngày 01 tháng 01 năm 2027');
  });
});
