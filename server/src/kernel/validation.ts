import { isEmail, registerDecorator, validate, ValidationError, ValidationOptions } from 'class-validator';
import { parsePhoneNumberFromString, CountryCode } from 'libphonenumber-js';
import { BadUserInputError, FieldError } from './errors/errors';
import { isMoneyString, normalizeMoney, toMinor } from './money';
import { inCalendarRange } from './calendar-date';
import { config } from '../config/env';

function flatten(errors: ValidationError[], prefix: (string | number)[]): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const key = /^\d+$/.test(e.property) ? Number(e.property) : e.property;
    const path = [...prefix, key];
    for (const message of Object.values(e.constraints ?? {})) out.push({ path, message });
    if (e.children?.length) out.push(...flatten(e.children, path));
  }
  return out;
}

/**
 * Validates an input object (class-validator decorators on the input class) and throws
 * BAD_USER_INPUT with `fields` rooted at the argument path, e.g. ["input", "email"].
 */
export async function validateInput(input: object, path: (string | number)[]): Promise<void> {
  const errors = await validate(input, { forbidUnknownValues: false, skipMissingProperties: false });
  if (errors.length) throw new BadUserInputError(flatten(errors, path));
}

export function normalizePhone(raw: string): string | null {
  const parsed = parsePhoneNumberFromString(raw.trim(), config().DEFAULT_COUNTRY as CountryCode);
  return parsed && parsed.isValid() ? parsed.number : null;
}

export function normalizeEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/** An email address; surrounding spaces are ignored (it is stored trimmed and lower-cased). */
export function IsEmailAddress(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isEmailAddress',
      target: object.constructor,
      propertyName,
      options: { message: 'must be a valid email address', ...options },
      validator: { validate: (v: unknown) => v == null || (typeof v === 'string' && v.trim().length <= 254 && isEmail(v.trim())) },
    });
}

/** A phone number that parses (E.164, or national in DEFAULT_COUNTRY). */
export function IsPhone(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isPhone',
      target: object.constructor,
      propertyName,
      options: { message: 'must be a valid phone number, e.g. +14155550100', ...options },
      validator: { validate: (v: unknown) => v == null || (typeof v === 'string' && normalizePhone(v) !== null) },
    });
}

/** Text that is not only whitespace (names are stored trimmed); the empty string is left to @Length. */
export function NotBlank(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'notBlank',
      target: object.constructor,
      propertyName,
      options: { message: 'must not be blank', ...options },
      validator: { validate: (v: unknown) => typeof v !== 'string' || v === '' || v.trim() !== '' },
    });
}

/** A date (or 'YYYY-MM-DD') in the years 1 to 9999, the range PostgreSQL and JavaScript share. */
export function InCalendarRange(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'inCalendarRange',
      target: object.constructor,
      propertyName,
      options: { message: 'must be a date between the years 1 and 9999', ...options },
      validator: { validate: (v: unknown) => v == null || inCalendarRange(v) },
    });
}

/** A non-negative decimal with at most two decimals. */
export function IsMoney(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isMoney',
      target: object.constructor,
      propertyName,
      options: { message: 'must be a non-negative amount with at most 2 decimals, e.g. "1234.50"', ...options },
      validator: {
        validate: (v: unknown) => v == null || (isMoneyString(v) && toMinor(v as string) >= 0n),
      },
    });
}

/** A value the given test accepts (absent values pass: @IsOptional decides those), else `message`. */
export function Satisfies(test: (v: unknown) => boolean, message: string, options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: `satisfies_${propertyName}`,
      target: object.constructor,
      propertyName,
      options: { message, ...options },
      validator: { validate: (v: unknown) => v == null || test(v) },
    });
}

export { normalizeMoney };
