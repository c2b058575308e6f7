import { responseSchemas } from './response-schemas';
import { arrayOf, closedObject, nullable } from './schema-builders';

/**
 * JSON Schemas of the treasury's answers (payment orders, background bank-statement imports), kept apart from
 * response-schemas.ts; merged into the contract by api-schemas.ts and checked against real answers by the
 * conformance test like the others.
 */

const string = { type: 'string' } as const;
const integer = { type: 'integer' } as const;
const instant = { type: 'string', format: 'date-time' } as const;
const localized = closedObject({ vi: string, en: string });

/** One line of an imported statement: the same shape as a line of the synchronous import's report. */
const bankLineReport = responseSchemas.BankStatementReport.properties.lines.items;

export const paymentResponseSchemas = {
  PaymentOrderPage: closedObject({
    items: arrayOf(
      closedObject({
        id: string,
        dossierId: { ...string, description: 'the dossier code' },
        household: {
          ...nullable(string),
          description: "the household head's name; null where the caller may not read the dossier",
        },
        receivingUnit: string,
        trancheId: string,
        tranche: { ...localized, description: "the tranche's title in the dossier's definition" },
        amount: { ...integer, description: 'whole đồng' },
        funds: arrayOf(closedObject({ fundId: string, name: string, amount: integer })),
        status: { enum: ['ordered', 'paid', 'failed'] },
        attempt: integer,
        reference: { ...string, description: 'printed on the transfer: HS-<dossier>-<tranche>' },
        createdAt: instant,
        settledAt: { type: ['string', 'null'], format: 'date-time' },
      }),
    ),
    nextCursor: { type: ['string', 'null'], description: 'pass as `cursor` for the next page; null at the end' },
  }),
  BankStatementJob: closedObject(
    {
      id: string,
      fileName: string,
      status: { enum: ['running', 'finished', 'failed'] },
      total: { ...integer, description: 'transaction lines in the statement' },
      done: { ...integer, description: 'lines decided so far' },
      createdAt: instant,
      finishedAt: { type: ['string', 'null'], format: 'date-time' },
      failure: { ...string, description: 'failed: why, and what to do' },
      counts: { type: 'object', additionalProperties: integer, description: 'finished: lines per status' },
      lines: { ...arrayOf(bankLineReport), description: 'finished: one per transaction line, by line number' },
    },
    ['failure', 'counts', 'lines'],
  ),
} as const;
