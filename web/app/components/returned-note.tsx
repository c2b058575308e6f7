import type { Dossier } from '../../../api-contract';
import { useAppServices } from '../app-services';
import { formatDateTime } from '../format/format-date-time';
import { personName } from '../format/person-name';
import { UnitName } from '../units/unit-name';

/**
 * Why a dossier came back, where the commune looks (above the form it corrects): when and by whom it was returned,
 * the reason in the returning officer's words, and what to do; the deadline is paused meanwhile.
 */
export function ReturnedNote({ dossier }: { dossier: Dossier }) {
  const { text } = useAppServices();
  const returned = dossier.history.filter((h) => h.action === 'return').at(-1);
  if (!returned) return <p className="app-notice">{text.returnedNote}</p>;
  return (
    <div className="app-notice app-returned-note" role="note" data-testid="returned-note">
      <p>
        {text.returnedBy(formatDateTime(returned.at))} {personName(dossier.people, returned.actor.userId)} (
        <UnitName code={returned.actor.unitCode} />
        ).
      </p>
      {returned.comment ? (
        <p>
          <strong>{text.returnedReason}:</strong> {returned.comment}
        </p>
      ) : null}
      <p>{text.returnedAction}</p>
    </div>
  );
}
