import { LOAN_ENTRY_KINDS } from '../domain/loans/loan-balance';
import { arrayOf, closedObject, nullable } from './schema-builders';
import { boolean, day, instant, localized, nullableString, string } from './schema-primitives';

const dong = (title: string) => ({ type: 'integer', title, minimum: 0, maximum: 1_000_000_000 }) as const;
const count = { type: 'integer', minimum: 0 } as const;
const money = { type: 'integer', minimum: 0, description: 'đồng' } as const;
const unitRef = closedObject({ code: string, name: string });

const balance = closedObject({
  disbursed: money,
  principalRepaid: money,
  outstanding: { ...money, description: 'principal outstanding (dư nợ), đồng' },
  interestPaid: money,
  interestSupport: { ...money, description: 'of the interest paid, what the budget supported, đồng' },
  overdue: { ...money, description: 'principal overdue (nợ quá hạn), đồng' },
  settled: boolean,
});

const loanFigures = {
  disbursedLoans: { ...count, description: 'loans disbursed in the period' },
  disbursed: { ...money, description: 'money disbursed in the period' },
  principalCollected: { ...money, description: 'principal collected in the period' },
  interestCollected: { ...money, description: 'interest collected in the period' },
  interestSupport: { ...money, description: 'of that interest, supported by the budget' },
  outstandingLoans: { ...count, description: 'loans with principal outstanding at the end of the period' },
  outstanding: { ...money, description: 'principal outstanding (dư nợ) at the end of the period' },
  overdueLoans: { ...count, description: 'loans with principal overdue at the end of the period' },
  overdue: { ...money, description: 'principal overdue at the end of the period' },
  settledLoans: { ...count, description: 'loans settled in the period' },
} as const;

const loanEntry = closedObject({
  seq: { type: 'integer', minimum: 1 },
  kind: { enum: LOAN_ENTRY_KINDS },
  date: day,
  principal: money,
  interest: money,
  interestSupport: money,
  overdue: money,
  note: nullableString,
  at: instant,
  balanceAfter: balance,
});

/** The loans of the Bank for Social Policies after disbursement: the ledger's request and answers, and the report. */
export const loanSchemas = {
  LoanEntryRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['kind', 'date'],
    properties: {
      kind: {
        enum: LOAN_ENTRY_KINDS,
        title: 'Loại bút toán',
        description:
          'collection: principal and/or interest collected; overdue: an instalment fell overdue (amount = its principal); settlement: nothing outstanding any more',
      },
      date: { type: 'string', title: 'Ngày', format: 'date' },
      principal: dong('Gốc đã thu (đồng)'),
      interest: dong('Lãi đã thu (đồng)'),
      interestSupport: dong('Trong đó lãi được ngân sách hỗ trợ (đồng)'),
      amount: { ...dong('Số gốc quá hạn (đồng)'), minimum: 1 },
      note: { type: 'string', title: 'Ghi chú', minLength: 1, maxLength: 500 },
    },
  },
  LoanEntry: loanEntry,
  LoanLedger: closedObject({
    dossierId: string,
    purpose: nullableString,
    purposeLabel: localized,
    commune: unitRef,
    disbursedOn: day,
    disbursed: money,
    interestSupported: { ...boolean, description: 'the budget supports the interest of this purpose (housing)' },
    balance,
    entries: arrayOf(loanEntry),
  }),
  LoanReport: closedObject({
    unit: unitRef,
    superior: nullable(unitRef),
    from: day,
    to: day,
    period: closedObject({ kind: { enum: ['quarter', 'half', 'year', 'range'] }, title: localized }),
    dueOn: { ...day, description: 'the day the report is due: 5 January / 5 July for the halves (seed 004)' },
    totals: closedObject(loanFigures),
    byPurpose: arrayOf(closedObject({ purpose: nullableString, label: localized, ...loanFigures })),
    byUnit: arrayOf(closedObject({ unit: unitRef, ...loanFigures })),
    rows: arrayOf(closedObject({ dossierId: string, purpose: nullableString, commune: unitRef, ...loanFigures })),
  }),
} as const;
