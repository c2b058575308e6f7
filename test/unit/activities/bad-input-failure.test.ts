import { ApplicationFailure } from '@temporalio/activity';
import mongoose from 'mongoose';
import { badInputFailure, DefinitionMissingError, failFastOnBadInput } from '../../../activities/bad-input-failure';

describe('badInputFailure', () => {
  it('makes errors that every attempt would repeat non-retryable, with a code', () => {
    expect(badInputFailure(new RangeError('no working day within 1098 days'))).toMatchObject({
      type: 'InvalidInput',
      nonRetryable: true,
      message: 'no working day within 1098 days',
    });
    expect(badInputFailure(new DefinitionMissingError('housing@9'))).toMatchObject({
      type: 'DefinitionMissing',
      nonRetryable: true,
    });
    expect(badInputFailure(Object.assign(new Error('object to insert too large'), { code: 10334 }))).toMatchObject({
      type: 'InvalidInput',
      nonRetryable: true,
    });
  });

  it('names the fields of a validation error but never their values (the message is logged and kept in history)', () => {
    const Model = mongoose.model('BadInputProbe', new mongoose.Schema({ amount: Number, name: { type: String } }));
    const invalid = new Model({ amount: 'Nguyễn Văn An 012345678901' }).validateSync();
    const failure = badInputFailure(invalid);
    expect(failure).toMatchObject({ type: 'InvalidInput', nonRetryable: true });
    expect(failure?.message).toContain('amount');
    expect(failure?.message).not.toContain('Nguyễn');
    expect(failure?.message).not.toContain('012345678901');
    const cast = badInputFailure(new mongoose.Error.CastError('Number', 'Nguyễn Văn An', 'facts.amount'));
    expect(cast?.message).toBe('a value at facts.amount has the wrong type');
  });

  it('leaves what a retry may cure to Temporal: outages, unknown errors, retryable failures', () => {
    expect(badInputFailure(new Error('connection refused'))).toBeUndefined();
    expect(badInputFailure(Object.assign(new Error('not primary'), { code: 10107 }))).toBeUndefined();
    expect(badInputFailure(ApplicationFailure.retryable('try again'))).toBeUndefined();
    const given = ApplicationFailure.nonRetryable('no', 'InvalidInput');
    expect(badInputFailure(given)).toBe(given);
  });
});

describe('failFastOnBadInput', () => {
  it('returns the work’s result, rethrows a curable error as it is, and converts an incurable one', async () => {
    await expect(failFastOnBadInput(async () => 7)).resolves.toBe(7);
    const outage = new Error('connection refused');
    await expect(failFastOnBadInput(() => Promise.reject(outage))).rejects.toBe(outage);
    await expect(failFastOnBadInput(() => Promise.reject(new RangeError('bad instant')))).rejects.toMatchObject({
      type: 'InvalidInput',
      nonRetryable: true,
    });
  });
});
