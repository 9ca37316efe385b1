import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

// Phones are stored in E.164 ("+12125551002"). People read them in their own notation: numbers of
// their own country in the national format, others in the international one. Inputs take what people
// type; the server parses and normalises it.

// A locale's region, worked out once per locale (Intl.Locale is costly to build for every row).
const regions = new Map<string, string | undefined>();

function userRegion(locale?: string): string | undefined {
  const tag = locale ?? (typeof navigator !== 'undefined' ? navigator.language : undefined) ?? 'en-US';
  if (!regions.has(tag)) {
    let region: string | undefined;
    try {
      region = new Intl.Locale(tag).maximize().region;
    } catch {
      region = undefined;
    }
    regions.set(tag, region);
  }
  return regions.get(tag);
}

/** "+12125551002" → "(212) 555-1002" for a US user, "+1 212 555 1002" elsewhere; unparseable text as it is. */
export function formatPhone(value: string | null | undefined, locale?: string): string {
  if (!value) return '—';
  const parsed = parsePhoneNumberFromString(value);
  if (!parsed || !parsed.isPossible()) return value;
  return parsed.country && parsed.country === userRegion(locale) ? parsed.formatNational() : parsed.formatInternational();
}

/** The number as an edit form shows it: international, so it reads well and parses the same way back. */
export function phoneInputText(value: string | null | undefined): string {
  if (!value) return '';
  const parsed = parsePhoneNumberFromString(value);
  return parsed && parsed.isPossible() ? parsed.formatInternational() : value;
}

/** A dialable link target. */
export function phoneHref(value: string): string {
  return `tel:${value.replace(/[^\d+]/g, '')}`;
}
