import { useCallback, useEffect, useState } from 'react';
import { findStep } from '../../../domain/process/find-step';
import type { ProcessDefinition } from '../../../domain/process/process-definition';
import { useAppServices } from '../app-services';

/** A process definition version as a plan or a report names it. */
export interface DefinitionRef {
  processKey: string;
  processVersion: number;
}

export interface DefinitionLookup {
  /** The loaded definition, once it has arrived. */
  definition(ref: DefinitionRef): ProcessDefinition | undefined;
  /** The process's title and version in the page's language (`key@version` until it has arrived). */
  processLabel(ref: DefinitionRef): string;
  /** The step's title in the page's language (its id until the definition has arrived, or for an unknown step). */
  stepLabel(ref: DefinitionRef, step: string): string;
}

const idOf = (ref: DefinitionRef) => `${ref.processKey}@${ref.processVersion}`;

/**
 * The definitions `refs` name, loaded through the app's definition loader (each version once: published versions
 * never change), to show processes and steps by their titles, never by their codes. A version that cannot be loaded
 * is shown by its code.
 */
export function useDefinitionLookup(
  refs: readonly DefinitionRef[],
  versionLabel: (title: string, version: number) => string,
): DefinitionLookup {
  const { loadDefinition, lang } = useAppServices();
  const [loaded, setLoaded] = useState<ReadonlyMap<string, ProcessDefinition>>(new Map());
  const wanted = [...new Set(refs.map(idOf))].sort().join(' ');
  useEffect(() => {
    let live = true;
    const ids = wanted ? wanted.split(' ') : [];
    void Promise.all(
      ids.map(async (id) => {
        const at = id.lastIndexOf('@');
        const answer = await loadDefinition(id.slice(0, at), Number(id.slice(at + 1)));
        return answer.ok ? ([id, answer.value] as const) : undefined;
      }),
    ).then((answers) => {
      if (live) setLoaded(new Map(answers.filter((a) => a !== undefined)));
    });
    return () => {
      live = false;
    };
  }, [loadDefinition, wanted]);
  const definition = useCallback((ref: DefinitionRef) => loaded.get(idOf(ref)), [loaded]);
  const processLabel = useCallback(
    (ref: DefinitionRef) => {
      const found = loaded.get(idOf(ref));
      return found ? versionLabel(found.title[lang], ref.processVersion) : idOf(ref);
    },
    [loaded, lang, versionLabel],
  );
  const stepLabel = useCallback(
    (ref: DefinitionRef, step: string) => {
      const found = loaded.get(idOf(ref));
      return (found && findStep(found, step)?.title[lang]) || step;
    },
    [loaded, lang],
  );
  return { definition, processLabel, stepLabel };
}
