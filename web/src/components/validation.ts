// Client-side checks that mirror the server's input rules, so most mistakes are caught before a
// round trip. The server stays the authority: its BAD_USER_INPUT field errors land on the same fields.
export type Check = (value: string) => string | null;

export const required: Check = (v) => (v.trim() ? null : 'is required');

export const length =
  (min: number, max: number): Check =>
  (v) =>
    v.length === 0 && min === 0 ? null : v.trim().length < min || v.length > max ? `must be ${min} to ${max} characters` : null;

export const maxLength =
  (max: number): Check =>
  (v) =>
    v.length > max ? `must be at most ${max} characters` : null;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
export const email: Check = (v) => (!v.trim() || EMAIL.test(v.trim()) ? null : 'must be a valid email address');

// Digits with optional +, spaces, dots, dashes and parentheses; the server parses it to E.164.
const PHONE = /^\+?[\d\s().-]{6,24}$/;
export const phone: Check = (v) =>
  !v.trim() || (PHONE.test(v.trim()) && v.replace(/\D/g, '').length >= 6) ? null : 'must be a valid phone number';

const URLISH = /^(https?:\/\/)?[\w-]+(\.[\w-]+)+([/?#][^\s]*)?$/i;
export const website: Check = (v) => (!v.trim() || URLISH.test(v.trim()) ? null : 'must be a web address, e.g. https://example.com');

const MONEY = /^\d{1,12}(\.\d{1,2})?$/;
export const money: Check = (v) => {
  const t = v.trim();
  if (!t) return null;
  if (t.startsWith('-')) return 'must not be negative';
  return MONEY.test(t) ? null : 'must be an amount with at most 2 decimals';
};

export const intRange =
  (min: number, max: number): Check =>
  (v) => {
    if (!v.trim()) return null;
    const n = Number(v);
    return Number.isInteger(n) && n >= min && n <= max ? null : `must be a whole number from ${min} to ${max}`;
  };

export type Rules<K extends string> = Partial<Record<K, Check[]>>;

export function validate<K extends string>(values: Record<K, string>, rules: Rules<K>): Partial<Record<K, string>> {
  const errors: Partial<Record<K, string>> = {};
  for (const key of Object.keys(rules) as K[]) {
    for (const check of rules[key] ?? []) {
      const message = check(values[key] ?? '');
      if (message) {
        errors[key] = message;
        break;
      }
    }
  }
  return errors;
}

/** Empty text becomes null (clears the field); other text is trimmed. */
export function blankToNull(v: string): string | null {
  const t = v.trim();
  return t ? t : null;
}
