// Browser-safe and DOM-free.
import type { FundChoice, FundChoiceList } from '../../../api-contract';
import type { AppApiClient } from '../api/create-app-api-client';
import type { WidgetFormContext } from '../../shared/widgets/widget-form-context';

/** Lists the funds a `fund-id` field may hold: those usable by one dossier's unit (see GET /api/funds). */
export interface FundSource {
  /** The active funds (`all: false`), or the inactive ones too (to name a fund a dossier already uses). */
  list(options: { all: boolean }): Promise<FundChoice[]>;
}

/** The officer app's formContext: the shared widgets' context and the fund source of the dossier's unit. */
export interface AppWidgetContext extends WidgetFormContext {
  funds?: FundSource;
}

/** The funds of `unit` and the units above it from the API, one request per kind for the source's life. */
export function createApiFundSource(api: AppApiClient, unit: string): FundSource {
  const cache = new Map<boolean, Promise<FundChoice[]>>();
  return {
    list({ all }) {
      let pending = cache.get(all);
      if (!pending) {
        pending = api.get<FundChoiceList>(`/api/funds?unit=${encodeURIComponent(unit)}&active=${!all}`).then((a) => {
          if (!a.ok) throw new Error(a.message);
          return a.value.items;
        });
        cache.set(all, pending);
        pending.catch(() => cache.delete(all));
      }
      return pending;
    },
  };
}

/** An option of the fund picker: "name — còn 10.000.000 ₫" (its available balance). */
export function fundOptionLabel(fund: FundChoice, lang: 'vi' | 'en', formatVnd: (n: number) => string): string {
  return lang === 'en'
    ? `${fund.name} — ${formatVnd(fund.balance.available)} available`
    : `${fund.name} — còn ${formatVnd(fund.balance.available)}`;
}
