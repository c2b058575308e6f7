import { createContext, useContext } from 'react';
import type { Lang } from '../shared/i18n/lang';
import type { AppApiClient } from './api/create-app-api-client';
import type { DefinitionLoader } from './dossier/create-definition-loader';
import type { FormLoader } from './forms/create-form-loader';
import type { AppText } from './i18n/app-text';
import type { AppRoute } from './routing/app-route';
import type { Session } from './session/session-store';
import type { UnitDirectory } from './units/create-unit-directory';

/** What every page of the signed-in app uses: the API, forms, unit names, the session, the language and navigation. */
export interface AppServices {
  api: AppApiClient;
  loadForm: FormLoader;
  loadDefinition: DefinitionLoader;
  /** Unit names by code (read them with `useUnitName` or `<UnitName>`). */
  units: UnitDirectory;
  session: Session;
  lang: Lang;
  text: AppText;
  /** Goes to `route`; `notice` is shown once on the page it opens (e.g. "dossier created"). */
  navigate(route: AppRoute, options?: { notice?: string }): void;
  /** The notice passed with the navigation that opened this page. */
  notice: string | undefined;
}

export const AppServicesContext = createContext<AppServices | undefined>(undefined);

export function useAppServices(): AppServices {
  const services = useContext(AppServicesContext);
  if (!services) throw new Error('useAppServices outside the signed-in app');
  return services;
}
