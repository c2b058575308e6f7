import { arrayOf, closedObject, mapOf } from './schema-builders';
import { integer, string } from './schema-primitives';

/** The response schema of a bank statement's import: what became of each transaction line. */
export const bankStatementResponseSchemas = {
  BankStatementReport: closedObject({
    fileName: string,
    total: integer,
    counts: { ...mapOf(integer), description: 'How many lines had each status' },
    lines: {
      type: 'array',
      description: 'One per transaction line, by line number (the header is line 1)',
      items: closedObject(
        {
          line: integer,
          status: {
            enum: [
              'settled',
              'payment_failed',
              'processing',
              'already_settled',
              'already_imported',
              'unknown_reference',
              'amount_mismatch',
              'not_awaiting_confirmation',
              'refused',
              'bad_line',
            ],
          },
          transactionId: string,
          reference: string,
          dossierId: string,
          seq: integer,
          updateId: { ...string, description: 'processing: import the same statement again for the outcome' },
          earlier: { enum: ['pending', 'settled', 'payment_failed'] },
          expectedAmount: { ...integer, description: "amount_mismatch: the payment order's amount" },
          problems: arrayOf(closedObject({ field: string, message: string })),
          error: closedObject({ status: integer, code: string, message: string }),
        },
        [
          'transactionId',
          'reference',
          'dossierId',
          'seq',
          'updateId',
          'earlier',
          'expectedAmount',
          'problems',
          'error',
        ],
      ),
    },
  }),
} as const;
