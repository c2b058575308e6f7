import type { FrameLocator, Locator } from 'playwright-core';
import { formatDmyDate } from '../../../web/shared/widgets/format-dmy-date';
import { example } from '../../integration/support/form-examples';

/** Where the form is: the iframe's document, or the `<ho-so-form>` element (locators pierce its open shadow root). */
export type FormScope = FrameLocator | Locator;

/**
 * The field ids react-jsonschema-form gives a form with `idPrefix` (the embed's is "hoso"): `/household/headName` →
 * `#hoso_household_headName`.
 */
export const field = (scope: FormScope, pointer: string, prefix = 'hoso'): Locator =>
  scope.locator(`#${prefix}${pointer.replace(/\//g, '_')}`);

/** The error list react-jsonschema-form renders under a field. */
export const fieldErrors = (scope: FormScope, pointer: string, prefix = 'hoso'): Locator =>
  scope.locator(`#${prefix}${pointer.replace(/\//g, '_')}__error`);

/** The option names the person picks, as the form shows them in each language (uiSchema / enumNames.en). */
const optionLabels = {
  vi: {
    povertyStatus: 'Hộ cận nghèo',
    condition: 'Nhà dột nát, hư hỏng',
    land: 'Đất ở hợp pháp của hộ',
    type: 'Xây mới nhà ở',
    source: 'Quỹ “Vì người nghèo”',
  },
  en: {
    povertyStatus: 'Near-poor household',
    condition: 'Dilapidated house',
    land: 'Own legal residential land',
    type: 'New build',
    source: 'Fund for the Poor',
  },
};

/**
 * Fills the housing proposal the way a person would, with the values of forms/examples/housing-proposal@1.json
 * (one funding source for the whole amount), except the head of household's name and citizen ID, which the test
 * chooses. The commune code is left as the form prefilled it from the token's unit; amounts are typed as digits (the
 * amount widget groups them), the meeting date as dd/mm/yyyy. With `citizen`, the commune's review (an officer
 * field from housing-proposal@3 on, which a citizen's form does not show) is left alone.
 */
export async function fillHousingProposal(
  scope: FormScope,
  who: { headName: string; citizenId: string },
  lang: 'vi' | 'en' = 'vi',
  prefix = 'hoso',
  citizen = false,
): Promise<void> {
  const option = optionLabels[lang];
  const field = (scope: FormScope, pointer: string) => fieldOf(scope, pointer, prefix);
  const ex = example('housing-proposal@1');
  const h = ex.household;
  await field(scope, '/household/headName').fill(who.headName);
  await field(scope, '/household/citizenId').fill(who.citizenId);
  await field(scope, '/household/phone').fill(h.phone);
  await field(scope, '/household/address/detail').fill(h.address.detail);
  await field(scope, '/household/address/village').fill(h.address.village);
  await field(scope, '/household/memberCount').fill(String(h.memberCount));
  await scope.getByLabel(option.povertyStatus, { exact: true }).check();
  await field(scope, '/household/povertyCertificateNo').fill(h.povertyCertificateNo);
  await scope.getByLabel(option.condition, { exact: true }).check();
  await field(scope, '/housing/conditionDescription').fill(ex.housing.conditionDescription);
  await field(scope, '/housing/livingAreaM2').fill(String(ex.housing.livingAreaM2));
  await field(scope, '/housing/landStatus').selectOption({ label: option.land });
  await field(scope, '/housing/noSupportLast10Years').check();
  await scope.getByLabel(option.type, { exact: true }).check();
  await field(scope, '/support/requestedAmount').fill(String(ex.support.requestedAmount));
  await field(scope, '/support/fundingSources/0/source').selectOption({ label: option.source });
  await field(scope, '/support/fundingSources/0/sponsorName').fill(ex.support.fundingSources[0].sponsorName);
  await field(scope, '/support/fundingSources/0/amount').fill(String(ex.support.requestedAmount));
  if (citizen) return;
  await field(scope, '/commune/villageMeetingDate').fill(formatDmyDate(ex.commune.villageMeetingDate)!); // typed day first
  await field(scope, '/commune/agreementPercent').fill(String(ex.commune.agreementPercent));
  await field(scope, '/commune/note').fill(ex.commune.note);
}

const fieldOf = field;

/** A citizen ID with 10 digits instead of 12. */
export const BAD_CITIZEN_ID = '0011850234';
