import ExcelJS from 'exceljs';
import { REGISTER_COLUMNS, type RegisterRow } from '../../domain/poverty-register/register-rows';
import { ValidationError } from '../errors';

/** At most this many person rows in one sheet (5,000 households of a few people each). */
const MAX_ROWS = 30_000;

const unreadable = () =>
  new ValidationError([
    {
      path: '/content',
      keyword: 'register',
      message: { vi: 'Không đọc được tệp Excel (.xlsx)', en: 'the file is not a readable Excel (.xlsx) workbook' },
    },
  ]);

/**
 * The person rows of the first sheet of a register workbook (base64 `.xlsx`), columns in REGISTER_COLUMNS order,
 * the first row being the headers; empty rows are skipped. A file that is not a workbook, or has more than 30,000
 * rows, is 422 at `/content`.
 */
export async function readRegisterXlsx(base64: string): Promise<RegisterRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  } catch {
    throw unreadable();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable();
  if (sheet.rowCount > MAX_ROWS + 1)
    throw new ValidationError([
      {
        path: '/content',
        keyword: 'register',
        message: { vi: `Tệp có quá ${MAX_ROWS} dòng`, en: `the sheet has more than ${MAX_ROWS} rows` },
      },
    ]);
  const rows: RegisterRow[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells = REGISTER_COLUMNS.map((_c, i) => row.getCell(i + 1).text ?? '');
    if (cells.every((c) => c.trim() === '')) return;
    const [household, name, cccd, head, hamlet, category, ethnicMinority] = cells as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    rows.push({ row: number, household, name, cccd, head, hamlet, category, ethnicMinority });
  });
  return rows;
}
