import { arrayOf, closedObject, nullable } from './schema-builders';
import { instant, integer, level, localized, nullableString, string } from './schema-primitives';

/**
 * The contract of parallel sign-off (docs/processes-and-forms.md#parallel-sign-off): what a history record of a
 * signature adds, and what a dossier at a sign-off step shows of its signers. Spread into the response schemas.
 */

/** A history record's signature: the signer (`role@level`) and the signatures counted with it of those needed. */
export const signatureRecord = closedObject({ signer: string, signed: integer, needed: integer });

const actorRef = closedObject({ userId: string, role: string, unitCode: string });

/** One signer of the current sign-off step: the body, its unit, who signed for it (by name), or who may sign. */
const dossierSigner = closedObject(
  {
    key: { ...string, description: '`role@level`' },
    role: string,
    level,
    title: localized,
    unitCode: nullableString,
    signed: {
      ...nullable(
        closedObject(
          {
            at: instant,
            seq: integer,
            name: { ...string, description: "The signer's full name and title as the users registry holds them" },
            actor: actorRef,
            comment: string,
          },
          ['comment'],
        ),
      ),
      description: 'null while awaited',
    },
    awaitedFrom: {
      ...arrayOf(string),
      description: 'While awaited: the names of the active users who hold the role in the unit (empty once signed)',
    },
  },
  [],
);

/** The current step's sign-off: every signer with its signature or who is awaited, and how many are needed. */
export const dossierSignOff = closedObject({
  step: string,
  needed: integer,
  signed: integer,
  signers: arrayOf(dossierSigner),
});
