import { DONOR_KINDS } from '../domain/funds/donor-kinds';
import { FUND_KINDS } from '../domain/funds/fund-kinds';
import { LEDGER_ENTRY_KINDS } from '../domain/funds/ledger-balance';
import { arrayOf, closedObject, nullable } from './schema-builders';
import {
  boolean,
  day,
  instant,
  integer,
  level,
  localized,
  nullableDay,
  nullableString,
  string,
} from './schema-primitives';

const bankAccount = {
  ...nullable(closedObject({ accountNumber: string, bankName: string, branch: string })),
  description:
    "where the fund's money is held; the number shows its last four digits only to readers without the right",
};
const treasuryAccount = {
  ...nullable(closedObject({ accountNumber: string, treasuryName: string })),
  description: "a state budget fund's State Treasury account; masked as bankAccount",
};
const fund = closedObject({
  _id: string,
  unitCode: string,
  level,
  kind: { enum: FUND_KINDS },
  name: string,
  campaignFrom: nullableDay,
  campaignTo: nullableDay,
  active: boolean,
  bankAccount,
  treasuryAccount,
  createdAt: instant,
  createdBy: string,
});
const money = { type: 'integer', minimum: 0, description: 'đồng' } as const;
const fundBalance = closedObject({ received: money, committed: money, paid: money, available: money });
const fundWithBalance = closedObject({
  ...fund.properties,
  balance: { ...fundBalance, description: 'derived from its ledger' },
});
const fundChoice = closedObject({
  _id: string,
  name: string,
  kind: { enum: FUND_KINDS },
  unitCode: string,
  level,
  active: boolean,
  balance: fundBalance,
});
const ledgerEntry = closedObject({
  _id: string,
  fundId: string,
  seq: { type: 'integer', minimum: 1 },
  kind: { enum: LEDGER_ENTRY_KINDS },
  amount: { ...money, minimum: 1 },
  dossierId: nullableString,
  reference: string,
  by: string,
  at: instant,
  valueDate: nullableDay,
  note: nullableString,
  donor: {
    ...nullable(closedObject({ kind: { enum: DONOR_KINDS }, name: string })),
    description: "a receipt's donor (who gave); null on other entries and on receipts recorded without one",
  },
  balanceAfter: fundBalance,
});

const fundFigures = closedObject({
  opening: { ...fundBalance, description: 'the balance at the start of the period' },
  received: money,
  committed: money,
  released: money,
  paid: money,
  reversed: { ...money, description: 'payment reversals (failed payments committed again), đồng' },
  closing: { ...fundBalance, description: 'the balance at the end of the period' },
});
const fundKind = { enum: FUND_KINDS } as const;

/**
 * The response schemas of funds, their ledgers and the fund summary (part of responseSchemas, in this order: the
 * OpenAPI document lists the components as responseSchemas spreads them).
 */
export const fundResponseSchemas = {
  Fund: { ...fund, description: 'A fund as stored; its balance is derived from its ledger' },
  FundList: closedObject({
    items: arrayOf(fundWithBalance),
    nextCursor: { ...nullableString, description: 'pass as `cursor` for the next page; null at the end' },
  }),
  FundChoiceList: closedObject({
    items: {
      ...arrayOf(fundChoice),
      description: "The funds a dossier of the unit may use: the unit's own, then each unit above it, by name",
    },
  }),
  FundBalance: closedObject({ fundId: string, balance: fundBalance }),
  FundLedger: closedObject({
    fund,
    balance: fundBalance,
    entries: arrayOf(ledgerEntry),
    next: { type: ['integer', 'null'], description: 'the seq to pass as `after` for the next page; null at the end' },
  }),
  LedgerEntry: ledgerEntry,
  FundSummary: closedObject({
    unit: string,
    includeBelow: boolean,
    from: day,
    to: day,
    period: closedObject({
      start: { ...instant, description: 'from, 00:00 in Việt Nam' },
      end: { ...instant, description: 'the day after to, 00:00 in Việt Nam (exclusive)' },
    }),
    funds: arrayOf(
      closedObject({
        fundId: string,
        name: string,
        kind: fundKind,
        unitCode: string,
        active: boolean,
        figures: fundFigures,
      }),
    ),
    byKind: arrayOf(closedObject({ kind: fundKind, label: localized, funds: integer, figures: fundFigures })),
    byUnit: arrayOf(closedObject({ unitCode: string, name: string, level, funds: integer, figures: fundFigures })),
    total: fundFigures,
  }),
} as const;
