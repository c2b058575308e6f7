import { ApplicationFailure } from '@temporalio/activity';
import mongoose from 'mongoose';
import { FailureType } from '../domain/process/failure-types';

/** A process definition a dossier runs on is not in the registry (a restore that lost it): an operator must act. */
export class DefinitionMissingError extends Error {
  constructor(readonly definitionId: string) {
    super(`process definition ${definitionId} is not published`);
    this.name = 'DefinitionMissingError';
  }
}

/**
 * Server error codes of MongoDB (and FerretDB) that mean the data itself cannot be stored, whatever the attempt:
 * BadValue, FailedToParse, TypeMismatch, InvalidBSON, BSONObjectTooLarge, DocumentValidationFailure.
 */
const BAD_DATA_CODES = new Set([2, 9, 14, 22, 10334, 121]);

/**
 * The non-retryable ApplicationFailure for an error that the same input would raise on every attempt, or
 * undefined for one that a retry may cure (a database or network outage), which Temporal then retries.
 *
 * The failure's message names the kind of error and, for a validation error, the paths of the fields, never
 * their values: it is kept in the workflow history and written to the worker's log, where personal data must not
 * go. `type` is InvalidInput, or DefinitionMissing for a definition that is not in the registry.
 */
export function badInputFailure(error: unknown): ApplicationFailure | undefined {
  if (error instanceof ApplicationFailure) return error.nonRetryable ? error : undefined;
  if (error instanceof RangeError) return ApplicationFailure.nonRetryable(error.message, FailureType.InvalidInput);
  if (error instanceof DefinitionMissingError)
    return ApplicationFailure.nonRetryable(error.message, FailureType.DefinitionMissing);
  if (error instanceof mongoose.Error.ValidationError) {
    const paths = Object.keys(error.errors).sort().join(', ');
    return ApplicationFailure.nonRetryable(`the document is not valid at ${paths}`, FailureType.InvalidInput);
  }
  if (error instanceof mongoose.Error.CastError) {
    return ApplicationFailure.nonRetryable(`a value at ${error.path} has the wrong type`, FailureType.InvalidInput);
  }
  const code = (error as { code?: unknown } | null)?.code;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'BSONError' || (typeof code === 'number' && BAD_DATA_CODES.has(code))) {
    return ApplicationFailure.nonRetryable(
      `the database refused the data (${String(name)}${typeof code === 'number' ? ` ${code}` : ''})`,
      FailureType.InvalidInput,
    );
  }
  return undefined;
}

/**
 * Runs an activity's work and turns an error that retrying cannot cure into a non-retryable ApplicationFailure
 * (see badInputFailure); the workflow then refuses the decision that needed it or flags the dossier for an
 * operator, instead of retrying for ever. Anything else is rethrown as it is, and Temporal retries it.
 */
export async function failFastOnBadInput<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw badInputFailure(error) ?? error;
  }
}
