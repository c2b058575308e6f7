import { useUnitName } from './use-unit-name';

/**
 * A unit shown by its name, its code in the tooltip (`title`) and, with `withCode`, after the name as well
 * ("Phường Hà Cầu (HN-HD-HC)"), where officers need to type or compare codes. Until the names are loaded, or
 * for an unknown code, the code alone.
 */
export function UnitName({ code, withCode = false }: { code: string | null | undefined; withCode?: boolean }) {
  const unitName = useUnitName();
  if (!code) return null;
  const name = unitName(code);
  if (name === code) return <span data-unit-code={code}>{code}</span>;
  return (
    <span title={code} data-unit-code={code}>
      {name}
      {withCode ? <span className="app-unit-code"> ({code})</span> : null}
    </span>
  );
}
