/**
 * What the sensitive-data rule looks for, from the organisation's policy: the regions whose
 * national phone formats count (policy/organisation.yaml `sensitive_data.phone_regions`, by default
 * the regions of the organisation's own people's phone numbers in policy/people.yaml, most common
 * first) and the public mailboxes that may be named (`sensitive_data.allowed_emails`).
 */
import { phoneLibrary } from './phone-library.ts';
import type { RepoModel } from '../model/repo-model.ts';
import type { SensitiveOptions } from './sensitive.ts';

/** The regions of people's phone numbers (written with a country code), most common first. */
export function regionsOfPeople(phones: readonly string[]): string[] {
  const { parsePhoneNumberFromString, regionsOfCallingCode } = phoneLibrary();
  const counts = new Map<string, number>();
  for (const phone of phones) {
    const parsed = parsePhoneNumberFromString(phone);
    // A number the metadata does not hold as valid (an example number) still names its country by its code.
    const region = parsed?.country ?? (parsed ? regionsOfCallingCode(parsed.countryCallingCode)[0] : undefined);
    if (region) counts.set(region, (counts.get(region) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([region]) => region);
}

export function sensitiveOptionsOf(model: RepoModel): SensitiveOptions {
  const settings = model.policy.organisation?.data.sensitive_data;
  const phones = (model.policy.people?.data.people ?? []).flatMap((person) => (person.contacts.phone ? [person.contacts.phone] : []));
  return {
    phoneRegions: settings?.phone_regions ?? regionsOfPeople(phones),
    allowedEmails: new Set((settings?.allowed_emails ?? []).map((address) => address.toLowerCase())),
  };
}
