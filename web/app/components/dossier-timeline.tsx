import type { DecisionRecord } from '../../../domain/process/dossier-state';
import type { ProcessDefinition } from '../../../domain/process/process-definition';
import { decisionLabelOf } from '../../../domain/process/decision-label-of';
import { recordDefinitionLookup } from '../../../domain/process/recorded-definitions';
import type { AppText } from '../i18n/app-text';
import type { Lang } from '../../shared/i18n/lang';
import { formatDateTime } from '../format/format-date-time';
import { personName, type People } from '../format/person-name';
import { UnitName } from '../units/unit-name';
import { TimelinessBadge } from './timeliness-badge';
import { paperReceiptText } from '../i18n/paper-receipt-text';

/**
 * Every hand-off and decision, oldest first: when, who (the person's full name and title), in which role and unit (by
 * name), what was decided in the words of its transition (as the control slip says it), from which step to which,
 * the comment, and whether the step left was left by its due time (đúng hạn / trễ hạn). Each record's steps are
 * named by the definition it was decided under (`earlierDefinitions`: those a transition plan moved the dossier off).
 * A dossier received on paper says on its create entry both when the paper was received and when it was entered.
 */
export function DossierTimeline({
  history,
  definition,
  earlierDefinitions = [],
  people,
  text,
  lang,
}: {
  history: DecisionRecord[];
  definition: ProcessDefinition;
  earlierDefinitions?: readonly ProcessDefinition[];
  /** Full names by user id (the dossier's `people`). */
  people: People;
  text: AppText;
  lang: Lang;
}) {
  const definitionOf = recordDefinitionLookup(history, definition, earlierDefinitions);
  const stepTitle = (d: ProcessDefinition, id: string | null) =>
    id ? (d.steps.find((s) => s.id === id)?.title[lang] ?? id) : '—';
  return (
    <ol className="app-timeline">
      {history.map((entry) => (
        <li key={entry.seq} className="app-timeline-entry" data-action={entry.action}>
          <div className="app-timeline-head">
            <strong>
              {entry.signOff
                ? text.signOff.entry(entry.signOff.signed, entry.signOff.needed)
                : decisionLabelOf(definitionOf(entry.seq, 'from'), entry)[lang]}
            </strong>
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
            {entry.onTime === undefined ? null : (
              <TimelinessBadge value={entry.onTime ? 'on_time' : 'late'} text={text} />
            )}
          </div>
          {entry.receivedAt ? (
            <p className="app-timeline-paper" data-testid="paper-receipt-entry">
              {paperReceiptText(lang).receivedOnPaper(formatDateTime(entry.receivedAt), formatDateTime(entry.at))}
            </p>
          ) : null}
          <dl className="app-timeline-details">
            <dt>{text.who}</dt>
            <dd>{personName(people, entry.actor.userId)}</dd>
            <dt>{text.role}</dt>
            <dd>
              {text.roles[entry.actor.role] ?? entry.actor.role} · <UnitName code={entry.actor.unitCode} />
            </dd>
            <dt>{text.fromTo}</dt>
            <dd>
              {stepTitle(definitionOf(entry.seq, 'from'), entry.fromStep)} →{' '}
              {entry.toStep
                ? stepTitle(definitionOf(entry.seq, 'to'), entry.toStep)
                : entry.outcome
                  ? (text.statuses[entry.outcome as keyof AppText['statuses']] ?? entry.outcome)
                  : '—'}
            </dd>
            {entry.comment ? (
              <>
                <dt>{text.comment}</dt>
                <dd className="app-timeline-comment">{entry.comment}</dd>
              </>
            ) : null}
          </dl>
        </li>
      ))}
    </ol>
  );
}
