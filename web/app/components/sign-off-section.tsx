import type { Dossier } from '../../../api-contract';
import type { AppText } from '../i18n/app-text';
import type { Lang } from '../../shared/i18n/lang';
import { formatDateTime } from '../format/format-date-time';
import { UnitName } from '../units/unit-name';

/**
 * A sign-off step's signers (docs/officer-app.md): each body by its title and unit, signed (by whom, by name and
 * title, when, with the comment) or awaited (and who may sign for it), and how many signatures the step still needs.
 * Nothing for a dossier at another step.
 */
export function SignOffSection({
  dossier,
  text,
  lang,
  mine,
}: {
  dossier: Dossier;
  text: AppText;
  lang: Lang;
  /** The caller has signed (for one of its grants): said above the list. */
  mine: boolean;
}) {
  const signOff = dossier.signOff;
  if (!signOff) return null;
  return (
    <section className="app-card" aria-labelledby="sign-off-heading" data-sign-off={signOff.step}>
      <h2 id="sign-off-heading">{text.signOff.heading}</h2>
      {mine ? <p className="app-notice">{text.signOff.yours}</p> : null}
      <p>{text.signOff.progress(signOff.signed, signOff.needed)}</p>
      <ul className="app-sign-off">
        {signOff.signers.map((signer) => (
          <li key={signer.key} className="app-sign-off-signer" data-signed={signer.signed ? 'yes' : 'no'}>
            <div className="app-sign-off-head">
              <strong>{signer.title[lang]}</strong>{' '}
              <span className={`app-badge ${signer.signed ? 'app-badge-on-time' : 'app-badge-near-due'}`}>
                {signer.signed ? text.signOff.signed : text.signOff.awaited}
              </span>
            </div>
            <div className="app-sign-off-unit">
              <UnitName code={signer.unitCode} />
            </div>
            {signer.signed ? (
              <p className="app-sign-off-detail">
                {signer.signed.name} · <time dateTime={signer.signed.at}>{formatDateTime(signer.signed.at)}</time>
                {signer.signed.comment ? (
                  <>
                    <br />
                    <span className="app-timeline-comment">“{signer.signed.comment}”</span>
                  </>
                ) : null}
              </p>
            ) : (
              <p className="app-sign-off-detail">
                {signer.awaitedFrom.length > 0
                  ? `${text.signOff.maySign}: ${signer.awaitedFrom.join('; ')}`
                  : text.signOff.nobody}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
