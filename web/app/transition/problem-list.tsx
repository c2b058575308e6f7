import type { LocalizedText } from '../../../domain/process/process-definition';
import { useAppServices } from '../app-services';
import type { TransitionText } from './transition-text';

/** A report row's problems in the page's language (each marked with its code for tests), or "none". */
export function ProblemList({
  problems,
  t,
}: {
  problems: readonly { code: string; message: LocalizedText }[];
  t: TransitionText;
}) {
  const { lang } = useAppServices();
  if (problems.length === 0) return <>{t.none}</>;
  return (
    <ul className="app-problems" data-problems>
      {problems.map((p, i) => (
        <li key={`${p.code}-${i}`} data-problem={p.code}>
          {p.message[lang]}
        </li>
      ))}
    </ul>
  );
}
