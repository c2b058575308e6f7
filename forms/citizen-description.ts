// Browser-safe: used by the API (the embed's form), the publish check and the ajv set-up.
import type { FormDefinition } from './form-definition';
import { officerFields } from './field-audience';
import type { LocalizedText } from './localized-text';

/**
 * The schema keyword, at the form's root only, that gives the description a citizen reads above the form's citizen
 * part (an embed on a portal): `{ "vi": …, "en": … }`, written to the citizen. The schema's own `description` is
 * for the officer who fills the whole form. Checked by `checkFormDefinition` (root only, both texts non-empty).
 */
export const CITIZEN_DESCRIPTION_KEYWORD = 'x-citizen-description';

/**
 * What a citizen reads above the citizen part of a form that has officer fields and no citizen description of its
 * own: the officer's description of the whole form ("… Ủy ban nhân dân cấp xã lập …") would address the commune.
 */
export const DEFAULT_CITIZEN_DESCRIPTION: LocalizedText = {
  vi: 'Gia đình điền các thông tin dưới đây và gửi đi. Sau khi tiếp nhận, Ủy ban nhân dân xã/phường bổ sung phần bình xét, đánh giá của mình rồi gửi cấp trên.',
  en: "Your family fills in the information below and sends it. Once it is received, the commune People's Committee adds its own review and forwards it.",
};

/**
 * The description a citizen reads above the form: the form's {@link CITIZEN_DESCRIPTION_KEYWORD}; else, for a form
 * with officer fields, {@link DEFAULT_CITIZEN_DESCRIPTION}; else the schema's (Vietnamese) description, which then
 * addresses whoever fills the form, in Vietnamese only (`en` absent); null without any.
 */
export function citizenDescriptionOf(form: FormDefinition): { vi: string; en?: string } | null {
  const own = form.schema[CITIZEN_DESCRIPTION_KEYWORD] as LocalizedText | undefined;
  if (own) return { vi: own.vi, en: own.en };
  if (officerFields(form).length > 0) return DEFAULT_CITIZEN_DESCRIPTION;
  const description = form.schema['description'];
  return typeof description === 'string' ? { vi: description } : null;
}
