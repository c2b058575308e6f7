import { PLAN_METRICS } from '../domain/plans/plan';
import { DONOR_KINDS } from '../domain/funds/donor-kinds';
import { FUND_KINDS } from '../domain/funds/fund-kinds';
import { arrayOf, closedObject, nullable } from './schema-builders';
import { day, localized, nullableString, string } from './schema-primitives';

const count = { type: 'integer', minimum: 0 } as const;
const money = {
  type: 'integer',
  description: 'đồng; committed may be negative (releases of earlier commitments)',
} as const;
const figureProperties = {
  proposed: { ...count, description: 'dossiers opened in the period' },
  approved: { ...count, description: 'dossiers approved in the period (money committed, or completed without money)' },
  completed: { ...count, description: 'closed completed in the period' },
  rejected: { ...count, description: 'closed rejected or withdrawn in the period' },
  beneficiaries: { ...count, description: 'people or households covered by the approved dossiers' },
  housesBuilt: { ...count, description: 'houses built by the approved dossiers of the house programmes' },
  housesRepaired: { ...count, description: 'houses repaired by the approved dossiers of the house programmes' },
  closedOnTime: count,
  closedLate: count,
  onTimeRate: {
    type: ['number', 'null'],
    minimum: 0,
    maximum: 1,
    description: 'closedOnTime / closed; null when none closed',
  },
  committed: money,
  paid: money,
} as const;
const unitRef = closedObject({ code: string, name: string });
const reportPlans = {
  ...arrayOf(
    closedObject({
      planId: string,
      title: string,
      from: day,
      to: day,
      until: { ...day, description: 'the last day counted: the report’s, or the plan’s when it ends first' },
      rows: arrayOf(
        closedObject({
          label: localized,
          metric: { enum: PLAN_METRICS },
          value: { type: 'number' },
          achieved: { type: 'number' },
          met: { type: 'boolean' },
          valueText: localized,
          achievedText: localized,
        }),
      ),
    }),
  ),
  description: "Targets against results: the unit's plans whose period overlaps the report's",
} as const;
const period = closedObject({ kind: { enum: ['quarter', 'half', 'year', 'range'] }, title: localized });
const source = closedObject(
  {
    kind: { enum: ['ledger', 'dossiers'] },
    count,
    refs: { ...arrayOf(string), description: 'the records added up: ledger entries as fundId#seq, dossiers by id' },
    label: localized,
    note: { ...localized, description: 'the basis the figure is counted on for the period, when not plain' },
  } as const,
  ['note'] as const,
);
const computed = closedObject({ value: { type: 'integer' }, source } as const);

/** The response schemas of the periodic reports (part of apiSchemas, after every other). */
export const reportResponseSchemas = {
  SupportReport: closedObject({
    unit: unitRef,
    superior: nullable(unitRef),
    from: day,
    to: day,
    period,
    totals: closedObject(figureProperties),
    byProgramme: arrayOf(closedObject({ programme: string, label: localized, ...figureProperties })),
    bySupportType: arrayOf(
      closedObject({ programme: string, supportType: nullableString, label: localized, ...figureProperties }),
    ),
    bySource: arrayOf(
      closedObject({
        fundId: string,
        name: string,
        unitCode: string,
        unitName: string,
        dossiers: count,
        committed: money,
        paid: money,
      }),
    ),
    byUnit: arrayOf(closedObject({ unitCode: string, name: string, ...figureProperties })),
    raised: {
      ...closedObject({
        total: count,
        receipts: count,
        byDonorKind: arrayOf(
          closedObject({
            donorKind: { enum: [...DONOR_KINDS, null] },
            label: localized,
            receipts: count,
            amount: count,
          }),
        ),
        byFund: arrayOf(
          closedObject({
            fundId: string,
            name: string,
            unitCode: string,
            unitName: string,
            receipts: count,
            amount: count,
          }),
        ),
        byUnit: arrayOf(closedObject({ unitCode: string, name: string, amount: count })),
      }),
      description:
        'Money raised (receipts by their date) into the funds of the unit and below, allocated funds left out',
    },
    plans: reportPlans,
    results: closedObject({
      unitCode: string,
      from: day,
      to: day,
      counts: arrayOf(
        closedObject({
          programme: string,
          supportType: nullableString,
          unitCode: string,
          proposed: count,
          approved: count,
          completed: count,
          rejected: count,
          beneficiaries: count,
          housesBuilt: count,
          housesRepaired: count,
          closedOnTime: count,
          closedLate: count,
        }),
      ),
      money: arrayOf(
        closedObject({
          programme: string,
          supportType: nullableString,
          unitCode: string,
          fundId: string,
          dossiers: count,
          committed: money,
          paid: money,
        }),
      ),
      raised: arrayOf(
        closedObject({
          fundId: string,
          fundKind: { enum: FUND_KINDS },
          unitCode: string,
          donorKind: { enum: [...DONOR_KINDS, null] },
          receipts: count,
          amount: count,
        }),
      ),
    }),
  }),
  CampaignFigures: closedObject({
    unitCode: string,
    from: day,
    to: day,
    period,
    fields: {
      ...closedObject({
        raisedAmount: computed,
        spentAmount: computed,
        householdsSupported: computed,
        housesBuilt: computed,
        housesRepaired: computed,
      }),
      description: 'the result report form’s defaults, by field, each with its source',
    },
    housesUnsplit: {
      ...computed,
      description: 'houses of approved lists of both kinds that did not record how many of each (never guessed)',
    },
    basis: {
      ...localized,
      description: 'the one basis of the money and households: the dossiers approved in the period, with their money',
    },
    raisedByFund: arrayOf(closedObject({ fundId: string, amount: count, source })),
    committed: computed,
    paid: computed,
    approvedByProgramme: arrayOf(closedObject({ programme: string, dossiers: count, households: count, source })),
    notRaised: {
      ...closedObject({
        loanReceipts: computed,
        allocationReceipts: computed,
        loanCommitted: computed,
        note: localized,
      }),
      description: 'loans (credit access) and allocations: not money raised, never summed in the figures',
    },
    plans: reportPlans,
  }),
} as const;
