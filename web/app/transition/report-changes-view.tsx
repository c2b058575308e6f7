import type { TransitionReport } from '../../../api-contract';
import { AdminTable } from '../admin/admin-table';
import { useAppServices } from '../app-services';
import { ProblemList } from './problem-list';
import type { TransitionText } from './transition-text';

type DefinitionEntry = TransitionReport['definitions'][number];
type GrantEntry = TransitionReport['grants'][number];

/**
 * A report's processes and grants sections: each process version by title and version with the dates it takes new
 * dossiers before and after; each grant by the person's name, the role's name and the unit's name, with its problems
 * in the page's language. Sections an older report lacks are shown empty.
 */
export function ReportChangesView({ report, t }: { report: TransitionReport; t: TransitionText }) {
  const { lang, text } = useAppServices();
  const definitions: DefinitionEntry[] = Array.isArray(report.definitions) ? report.definitions : [];
  const grants: GrantEntry[] = Array.isArray(report.grants) ? report.grants : [];
  // An open-ended side has no dates: `{}`, which a stored report may have lost altogether (mongoose minimizes it).
  const offered = (o: DefinitionEntry['before'] | undefined) =>
    t.offered(o?.effectiveFrom ?? null, o?.effectiveTo ?? null);
  return (
    <>
      <AdminTable
        caption={t.reportDefinitions}
        columns={[t.process, t.change, t.offeredBefore, t.offeredAfter]}
        empty={definitions.length === 0 ? t.noDefinitionChanges : undefined}
      >
        {definitions.map((d) => (
          <tr
            key={`${d.change}-${d.processKey}@${d.processVersion}`}
            data-definition={`${d.processKey}@${d.processVersion}`}
            data-change={d.change}
            data-result={d.result}
          >
            <td data-label={t.process}>{t.versionOf(d.title[lang], d.processVersion)}</td>
            <td data-label={t.change}>
              {t.changes[d.change] ?? d.change}
              {d.result ? (
                <>
                  <br />
                  <strong>{t.definitionResults[d.result] ?? d.result}</strong>
                </>
              ) : null}
            </td>
            <td data-label={t.offeredBefore}>{offered(d.before)}</td>
            <td data-label={t.offeredAfter}>{offered(d.after)}</td>
          </tr>
        ))}
      </AdminTable>
      <AdminTable
        caption={t.reportGrants}
        columns={[t.person, t.change, t.role, t.grantUnit, t.problems]}
        empty={grants.length === 0 ? t.noGrantChanges : undefined}
      >
        {grants.map((g, i) => (
          <tr key={i} data-grant-user={g.username} data-change={g.change} data-result={g.result}>
            <td data-label={t.person}>{g.displayName}</td>
            <td data-label={t.change}>
              {t.changes[g.change] ?? g.change}
              {g.from ? ` (${t.firstDayOn(g.from)})` : ''}
              {g.result ? (
                <>
                  <br />
                  <strong className={g.result === 'failed' ? 'app-error' : undefined}>
                    {t.grantResults[g.result] ?? g.result}
                  </strong>
                </>
              ) : null}
            </td>
            <td data-label={t.role}>{text.roles[g.role] ?? g.role}</td>
            <td data-label={t.grantUnit}>{g.unitName}</td>
            <td data-label={t.problems}>
              <ProblemList problems={g.problems} t={t} />
            </td>
          </tr>
        ))}
      </AdminTable>
    </>
  );
}
