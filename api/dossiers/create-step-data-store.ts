import { randomUUID } from 'node:crypto';
import type { Models } from '../../storage/create-models';
import { factsOf } from '../../domain/process/facts-of';
import type { ActorRef, SubmissionRef } from '../../workflows/messages';
import type { FactValue, StepDefinition } from '../../domain/process/process-definition';
import { collectFileRefs } from '../../forms/collect-file-refs';
import { citizenErrors, isWithinFields, officerFields } from '../../forms/field-audience';
import { ValidationError } from '../errors';
import type { FormRegistry } from '../registry/create-form-registry';
import { createUnitCodeCheck } from '../validation/create-unit-code-check';
import { vietnamDate } from '../../domain/time/vietnam-date';
import { isDuplicateKeyError } from '../../storage/is-duplicate-key-error';
import type { StepDataCheck } from './step-data-check';

/**
 * How a step's form data is checked and kept (part of the dossier service): validated against the step's pinned
 * form and the units and attachments it names, then stored in MongoDB as a pending submission whose id alone
 * reaches Temporal. Every check throws ValidationError (422, each field under `/data`) before anything is stored.
 */
export function createStepDataStore(deps: { models: Models; forms: FormRegistry; now: () => Date }) {
  const { models, now } = deps;
  const checkUnitCodes = createUnitCodeCheck({ models });
  /** Today's date in Vietnam (UTC+7): registers and effective dates follow local days, not UTC ones. */
  const vnToday = (): string => vietnamDate(now());

  /**
   * Field problems of `data` against the step's pinned form (422 with each field under `/data`): the schema, and the
   * units it names, which must exist and be in force (see createUnitCodeCheck), judged for `receivingUnit`.
   */
  async function validateStepData(
    step: StepDefinition,
    data: Record<string, unknown>,
    receivingUnit: string,
    limits: StepDataCheck = async () => [],
    audience?: 'citizen',
  ): Promise<string> {
    if (!step.form) {
      throw new ValidationError([
        {
          path: '/data',
          keyword: 'additionalProperties',
          message: { vi: 'Bước này không có biểu mẫu', en: 'This step has no form' },
        },
      ]);
    }
    const form = await deps.forms.get(step.form);
    const officer = audience === 'citizen' ? officerFields(form) : [];
    // A citizen's data: no officer field, and those missing are not errors (see field-audience.ts).
    const problems = [
      ...(audience === 'citizen' ? citizenErrors(form, data) : []),
      ...(await deps.forms.validate(step.form, data)).filter((p) => !isWithinFields(officer, p.path)),
    ];
    // The units the data names must exist and be in force today; a field the schema already refused is not looked up.
    const context = { today: vnToday(), receivingUnit };
    const unitProblems = (await checkUnitCodes(form, data, context)).filter(
      (u) => !problems.some((p) => p.path === u.path),
    );
    // Amounts that exceed what earlier steps brought (approved > requested, payments > approved), same rule.
    const amountProblems = (await limits(data)).filter((a) => !problems.some((p) => p.path === a.path));
    const all = [...problems, ...unitProblems, ...amountProblems];
    if (all.length > 0) {
      throw new ValidationError(all.map((p) => ({ ...p, path: `/data${p.path}` })));
    }
    return step.form;
  }

  /**
   * A step sent forward on the data it already holds (no `data` in the decision) needs that data complete: a
   * citizen's submission through a portal leaves out the fields only the officer fills (field-audience.ts), and the
   * officer must add them first. Only forms with such fields are read again; 422 with the missing fields otherwise.
   */
  async function checkHeldSubmission(dossierId: string, step: StepDefinition): Promise<void> {
    if (!step.form || officerFields(await deps.forms.get(step.form)).length === 0) return;
    const held = await models.Submission.findOne(
      { dossierId, stepId: step.id, state: { $ne: 'discarded' } },
      { data: 1 },
    )
      .sort({ createdAt: -1 })
      .lean();
    if (!held) return;
    const problems = await deps.forms.validate(step.form, held.data);
    if (problems.length === 0) return;
    throw new ValidationError(
      problems.map((p) => ({ ...p, path: `/data${p.path}` })),
      {
        vi: 'Hồ sơ còn thiếu thông tin do UBND xã nhập: hãy bổ sung trước khi gửi đi',
        en: 'The dossier lacks information the commune fills in: add it before sending the dossier on',
      },
    );
  }

  /** Every attachment the data references must exist and be visible to the actor's unit (uploaded there or below). */
  async function checkFileRefs(formRef: string, data: Record<string, unknown>, actor: ActorRef): Promise<string[]> {
    const refs = collectFileRefs((await deps.forms.get(formRef)).uiSchema, data);
    if (refs.length === 0) return [];
    const files = await models.StoredFile.find(
      { _id: { $in: [...new Set(refs.map((r) => r.fileId))] }, state: { $ne: 'sweeping' } },
      { unitChain: 1 },
    ).lean();
    const visible = new Set(files.filter((f) => f.unitChain.includes(actor.unitCode)).map((f) => f._id));
    const missing = refs.filter((r) => !visible.has(r.fileId));
    if (missing.length > 0) {
      throw new ValidationError(
        missing.map((r) => ({
          path: `/data${r.path}`,
          keyword: 'fileRef',
          message: {
            vi: 'Tệp đính kèm không tồn tại hoặc không thuộc đơn vị của bạn',
            en: 'attachment not found or not from your unit',
          },
        })),
      );
    }
    return [...new Set(refs.map((r) => r.fileId))];
  }

  /**
   * Stores validated data as a pending submission. With `id` (derived from an Idempotency-Key), a retry finds the
   * submission its first attempt stored and reuses it instead of leaving an orphan.
   */
  async function storeSubmission(
    dossierId: string,
    step: StepDefinition,
    data: Record<string, unknown>,
    actor: ActorRef,
    dossierUnits: string[],
    id: string = randomUUID(),
    limits?: StepDataCheck,
    audience?: 'citizen',
  ): Promise<{ ref: SubmissionRef; facts: Record<string, FactValue> }> {
    const form = await validateStepData(step, data, actor.unitCode, limits, audience);
    const fileIds = await checkFileRefs(form, data, actor);
    // Whoever may read the dossier may read its attachments: its units join each file's readers. The files are
    // attached for good, so the sweep of unattached uploads never removes them; one the sweep claimed since the
    // check above (state `sweeping`) does not match, and the data is refused as naming a missing file.
    if (fileIds.length > 0) {
      const attached = await models.StoredFile.updateMany(
        { _id: { $in: fileIds }, state: { $ne: 'sweeping' } },
        { $set: { state: 'attached' }, $addToSet: { unitChain: { $each: dossierUnits } } },
      );
      if (attached.matchedCount < fileIds.length) await checkFileRefs(form, data, actor);
    }
    try {
      await models.Submission.create({
        _id: id,
        dossierId,
        stepId: step.id,
        form,
        data,
        createdBy: actor,
        createdAt: now(),
        state: 'pending',
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    return { ref: { id, form }, facts: factsOf(step, data) };
  }

  return { validateStepData, checkHeldSubmission, checkFileRefs, storeSubmission };
}

export type StepDataStore = ReturnType<typeof createStepDataStore>;
