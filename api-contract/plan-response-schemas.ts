import { PLAN_PERIOD_KINDS } from '../domain/plans/plan';
import { planTargetSchema } from '../domain/plans/plan-schema';
import { registerTargetDetail } from './poverty-register-response-schemas';
import { arrayOf, closedObject, mapOf } from './schema-builders';
import { boolean, day, instant, integer, level, nullableString, string } from './schema-primitives';

/** A target as stored (the request's schema, with the unit code a plain string: responses use no custom format). */
const planTarget = {
  ...planTargetSchema,
  properties: { ...planTargetSchema.properties, unitCode: { type: 'string', title: 'Đơn vị cấp dưới' } },
} as const;

const planFields = {
  id: string,
  revision: { type: 'integer', minimum: 1 },
  unitCode: string,
  level,
  title: string,
  kind: { enum: PLAN_PERIOD_KINDS },
  from: day,
  to: day,
  basis: nullableString,
  targets: arrayOf(planTarget),
} as const;

const plan = closedObject({
  ...planFields,
  updatedAt: { ...instant, description: "the revision's time" },
  updatedBy: { ...string, description: "the name of who made the revision (its author's display name)" },
  view: {
    enum: ['full', 'targets_for_us'],
    description:
      "full: a plan of the caller's unit or a unit below it (or, for a unit above, read by its own level); targets_for_us: a plan of a unit above the caller's, showing only the targets set for the caller's unit and the units below it",
  },
  mayEdit: { ...boolean, description: 'the caller may make a new revision' },
  names: closedObject({
    units: { ...mapOf(string), description: 'the name of every unit the plan names, by code' },
    funds: { ...mapOf(string), description: 'the name of every fund the plan names, by id' },
  }),
});

const revision = closedObject({
  ...planFields,
  at: instant,
  by: { ...string, description: 'the username' },
  byName: string,
  reason: { ...nullableString, description: 'why the revision was made; null for the first' },
});

/** The response schemas of plans and their progress (part of responseSchemas, spread in at the end). */
export const planResponseSchemas = {
  Plan: plan,
  PlanList: closedObject({ items: arrayOf(plan) }),
  PlanDetail: closedObject({
    ...plan.properties,
    revisions: { ...arrayOf(revision), description: 'every revision, the first first (append-only, for auditors)' },
  }),
  PlanSourceList: closedObject({
    items: arrayOf(closedObject({ id: string, name: string, unitCode: string, active: boolean })),
  }),
  PlanProgress: closedObject({
    planId: string,
    revision: integer,
    unitCode: string,
    from: day,
    to: day,
    view: { enum: ['full', 'targets_for_us'] },
    targets: arrayOf(
      closedObject(
        {
          index: { ...integer, description: "the target's place in the plan's list" },
          target: planTarget,
          actual: { type: 'number', description: 'dossiers, beneficiaries or đồng (amount)' },
          of: { type: ['number', 'null'], description: 'coverage: the baseline; share: every approved dossier' },
          achieved: { type: 'number', description: 'what is compared with the value: actual, or the percentage' },
          ratio: { type: 'number', description: 'achieved ÷ value (1: just met)' },
          met: boolean,
          byUnit: arrayOf(closedObject({ unitCode: string, name: string, actual: { type: 'number' } })),
          register: registerTargetDetail,
        },
        ['register'],
      ),
    ),
    names: closedObject({ units: mapOf(string), funds: mapOf(string) }),
  }),
} as const;
