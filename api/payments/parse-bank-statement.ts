import { parse } from 'csv-parse/sync';
import type { Bilingual } from '../errors';

/** One well-formed line of a bank statement. */
export interface BankLine {
  /** The line number in the file (the header is line 1). */
  line: number;
  transactionId: string;
  /** The value date as ISO `yyyy-mm-dd`. */
  valueDate: string;
  /** Whole đồng. */
  amount: number;
  description: string;
  status: 'OK' | 'FAILED';
}

/** A line that could not be read, with what is wrong with each field. */
export interface BadBankLine {
  line: number;
  problems: { field: string; message: Bilingual }[];
}

const FIELDS = ['transactionId', 'valueDate', 'amount', 'description', 'status'] as const;
const TRANSACTION_ID = /^[A-Za-z0-9._/-]{1,50}$/;
const DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;
/** Whole đồng, digits only or grouped by thousands with dots or commas (50.000.000, 50,000,000). */
const AMOUNT = /^(?:\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*|\d{1,15})$/;

function isoDate(text: string): string | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const [, d, mo, y] = m as unknown as [string, string, string, string];
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  const iso = `${y}-${mo}-${d}`;
  return date.toISOString().slice(0, 10) === iso ? iso : undefined;
}

/**
 * Reads a bank's CSV export: a header row, then one transaction per row (transaction id, value date dd/mm/yyyy,
 * amount in whole đồng, description, status OK/FAILED). Each row is judged alone: a bad row is reported with its
 * line number and field-level problems and does not stop the others. Blank rows are skipped. Unreadable CSV (an
 * unclosed quote) makes every row from there on unreadable, reported as one bad line at the row where it starts.
 */
export function parseBankStatement(content: string): { lines: BankLine[]; bad: BadBankLine[] } {
  const lines: BankLine[] = [];
  const bad: BadBankLine[] = [];
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(content, {
      bom: true,
      from_line: 2,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = Number((error as { lines?: unknown }).lines) || 1;
    bad.push({
      line,
      problems: [{ field: 'line', message: { vi: 'Không đọc được dòng CSV', en: 'the CSV line cannot be read' } }],
    });
    return { lines, bad };
  }
  for (const { record, info } of rows) {
    const line = info.lines;
    const problems: BadBankLine['problems'] = [];
    if (record.length !== FIELDS.length) {
      problems.push({
        field: 'line',
        message: {
          vi: `Dòng phải có ${FIELDS.length} cột, có ${record.length}`,
          en: `the line must have ${FIELDS.length} columns, it has ${record.length}`,
        },
      });
      bad.push({ line, problems });
      continue;
    }
    const [transactionId, date, amountText, description, statusText] = record as [
      string,
      string,
      string,
      string,
      string,
    ];
    if (!TRANSACTION_ID.test(transactionId))
      problems.push({
        field: 'transactionId',
        message: {
          vi: 'Mã giao dịch phải có 1–50 ký tự chữ, số, . _ / -',
          en: 'the transaction id must be 1–50 letters, digits, . _ / -',
        },
      });
    const valueDate = isoDate(date);
    if (!valueDate)
      problems.push({
        field: 'valueDate',
        message: {
          vi: 'Ngày giá trị phải là ngày có thật dạng dd/mm/yyyy',
          en: 'the value date must be a real dd/mm/yyyy date',
        },
      });
    const amount = AMOUNT.test(amountText) ? Number(amountText.replace(/[.,]/g, '')) : NaN;
    if (!(Number.isSafeInteger(amount) && amount > 0))
      problems.push({
        field: 'amount',
        message: {
          vi: 'Số tiền phải là số đồng nguyên dương',
          en: 'the amount must be a positive whole number of đồng',
        },
      });
    if (statusText !== 'OK' && statusText !== 'FAILED')
      problems.push({
        field: 'status',
        message: { vi: "Trạng thái phải là 'OK' hoặc 'FAILED'", en: "the status must be 'OK' or 'FAILED'" },
      });
    if (problems.length > 0 || !valueDate) bad.push({ line, problems });
    else lines.push({ line, transactionId, valueDate, amount, description, status: statusText as BankLine['status'] });
  }
  return { lines, bad };
}
