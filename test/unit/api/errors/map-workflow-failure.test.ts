import { ActivityFailure, ApplicationFailure, RetryState, WorkflowNotFoundError } from '@temporalio/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { mapWorkflowFailure } from '../../../../api/errors/map-workflow-failure';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../../api/errors';
import { refusal } from '../../../../domain/process/refusal';
import { refusalFailure, refusalOfActivity } from '../../../../workflows/refusal-failure';

const refused = (failure: ApplicationFailure) => new WorkflowUpdateFailedError('update failed', failure);

describe('a refused decision reaching the API', () => {
  it.each([
    ['comment', '/comment', 'RequirementMissing', 'required'],
    ['submission', '/data', 'RequirementMissing', 'required'],
    ['newDueAt', '/newDueDate', 'InvalidInput', 'invalid'],
  ] as const)(
    'names the request field of decision field %s (%s) from the failure details, not its message',
    (field, path, type, keyword) => {
      // The message deliberately mentions another field: only the details decide the path.
      const error = mapWorkflowFailure(
        refused(refusalFailure(refusal(type, 'comment: words that mislead a parser', field))),
        'D-1',
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).status).toBe(422);
      expect((error as ValidationError).fields).toEqual([
        {
          path,
          keyword,
          message: { vi: expect.stringContaining('words that mislead'), en: 'comment: words that mislead a parser' },
        },
      ]);
    },
  );

  it('points at no field when the refusal names none', () => {
    const error = mapWorkflowFailure(
      refused(refusalFailure(refusal('InvalidInput', 'no working day within 400 days'))),
      'D-1',
    ) as ValidationError;
    expect(error.fields).toMatchObject([{ path: '', keyword: 'invalid' }]);
  });

  it.each([
    ['ActionNotAllowed', ConflictError, 409],
    ['WrongForm', ConflictError, 409],
    ['LimitReached', ConflictError, 409],
    ['ActorNotPermitted', ForbiddenError, 403],
  ] as const)('maps %s to %p (%i)', (type, kind, status) => {
    const error = mapWorkflowFailure(refused(refusalFailure(refusal(type, 'refused'))), 'D-1');
    expect(error).toBeInstanceOf(kind);
    expect(error?.status).toBe(status);
  });

  it('leaves a definition error and anything that is not a refusal to the error middleware (500)', () => {
    expect(
      mapWorkflowFailure(refused(refusalFailure(refusal('DefinitionError', 'unknown step'))), 'D-1'),
    ).toBeUndefined();
    expect(mapWorkflowFailure(new Error('boom'), 'D-1')).toBeUndefined();
  });

  it('maps an unknown workflow to 404', () => {
    expect(mapWorkflowFailure(new WorkflowNotFoundError('not found', 'wf', undefined), 'D-1')).toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe('an activity failure inside a decision', () => {
  const activityFailure = (cause: Error) =>
    new ActivityFailure('activity failed', 'computeDueAt', '1', RetryState.NON_RETRYABLE_FAILURE, 'w', cause);

  it('refuses the decision as invalid input when the activity failed without retry', () => {
    const refusedDecision = refusalOfActivity(
      activityFailure(ApplicationFailure.nonRetryable('no working day within 400 days', 'InvalidInput')),
    );
    expect(refusedDecision).toMatchObject({
      type: 'InvalidInput',
      nonRetryable: true,
      message: 'no working day within 400 days',
    });
  });

  it('refuses it too for a local activity, whose failure arrives unwrapped', () => {
    expect(refusalOfActivity(ApplicationFailure.nonRetryable('no working day', 'InvalidInput'))).toMatchObject({
      type: 'InvalidInput',
      nonRetryable: true,
      message: 'no working day',
    });
  });

  it("keeps the type of a refusal the workflow's own code raised while applying a decision (409 stays 409)", () => {
    const own = refusalFailure({ type: 'ActionNotAllowed', message: 'the current step has no clock to recompute' });
    expect(refusalOfActivity(own)).toBe(own);
    expect(mapWorkflowFailure(refused(refusalOfActivity(own)!), 'HS-1')).toMatchObject({
      status: 409,
      code: 'action_not_allowed',
    });
    // The same type from a remote activity is still the activity's refusal of its input.
    expect(refusalOfActivity(activityFailure(ApplicationFailure.nonRetryable('x', 'ActionNotAllowed')))).toMatchObject({
      type: 'InvalidInput',
    });
  });

  it('is not a refusal when the activity failure was retryable, or when it is not an activity failure', () => {
    expect(refusalOfActivity(ApplicationFailure.retryable('database down'))).toBeUndefined();
    expect(refusalOfActivity(activityFailure(ApplicationFailure.retryable('database down')))).toBeUndefined();
    expect(refusalOfActivity(new Error('boom'))).toBeUndefined();
  });
});
