import { z } from 'zod';
import { fromLocalInput, isCalendarDate } from './format';
import { parseDecimal, scaled } from './decimal';
import { parseMoney } from './money';
import type { FieldDef } from './form-fields';
import type { PickerOption } from './types';

// The zod schema of a form, built from its field descriptors: the checks mirror the server's input
// rules (so most mistakes are caught before a round trip) and the output is what the API takes
// (trimmed text or null, "48000.50", numbers, ISO instants, ids). The server stays the authority:
// its BAD_USER_INPUT field errors land on the same fields.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
// Digits with optional +, spaces, dots, dashes and parentheses; the server parses it to E.164.
const PHONE = /^\+?[\d\s().-]{6,24}$/;
const URLISH = /^(https?:\/\/)?[\w-]+(\.[\w-]+)+([/?#][^\s]*)?$/i;

type Check<Out> = (value: unknown) => { ok: true; value: Out } | { ok: false; message: string };

const fail = (message: string) => ({ ok: false as const, message });
const pass = <T>(value: T) => ({ ok: true as const, value });

function lengthMessage(min: number | undefined, max: number): string {
  return min ? `must be ${min} to ${max} characters` : `must be at most ${max} characters`;
}

function textCheck(f: FieldDef & { kind: 'text' | 'multiline' | 'email' | 'url' | 'phone' }): Check<string | null> {
  return (raw) => {
    const text = String(raw ?? '');
    const t = text.trim();
    if (!t) return f.required ? fail('is required') : pass(null);
    const max = 'max' in f ? f.max : undefined;
    const min = 'min' in f ? f.min : undefined;
    if (max != null && (text.length > max || (min != null && t.length < min))) return fail(lengthMessage(min, max));
    if (f.kind === 'email' && !EMAIL.test(t)) return fail('must be a valid email address');
    if (f.kind === 'url' && !URLISH.test(t)) return fail('must be a web address, e.g. https://example.com');
    if (f.kind === 'phone' && !(PHONE.test(t) && t.replace(/\D/g, '').length >= 6)) return fail('must be a valid phone number');
    return pass(t);
  };
}

function check(f: FieldDef): Check<unknown> {
  switch (f.kind) {
    case 'text':
    case 'multiline':
    case 'email':
    case 'url':
    case 'phone':
      return textCheck(f as Parameters<typeof textCheck>[0]);
    case 'password':
      // Taken as typed (spaces count), like the server's length rule.
      return (raw) => {
        const text = String(raw ?? '');
        return text.length < f.min || text.length > f.max ? fail(`must be ${f.min} to ${f.max} characters`) : pass(text);
      };
    case 'money':
      return (raw) => {
        const text = String(raw ?? '');
        if (!text.trim()) return f.required ? fail('is required') : pass(null);
        const parsed = parseMoney(text);
        return parsed.ok ? pass(parsed.value) : fail(parsed.message);
      };
    case 'int':
      return (raw) => {
        const text = String(raw ?? '').trim();
        if (!text) return f.required ? fail('is required') : pass(null);
        const n = Number(text);
        return Number.isInteger(n) && n >= f.min && n <= f.max ? pass(n) : fail(`must be a whole number from ${f.min} to ${f.max}`);
      };
    case 'decimal':
      return (raw) => {
        const text = String(raw ?? '');
        if (!text.trim()) return f.required ? fail('is required') : pass(null);
        const parsed = parseDecimal(text, f.decimals);
        if (!parsed.ok) return fail(parsed.message);
        const value = scaled(parsed.value, f.decimals);
        if (f.positive && value === 0n) return fail('must be above zero');
        if (f.max != null && value > scaled(f.max, f.decimals)) return fail(`must be at most ${f.max}`);
        return pass(parsed.value);
      };
    case 'date':
      return (raw) => {
        const text = String(raw ?? '').trim();
        if (!text) return f.required ? fail('is required') : pass(null);
        if (!isCalendarDate(text)) return fail('must be a date (YYYY-MM-DD)');
        if (f.future && new Date(`${text}T23:59:59.999`).getTime() <= Date.now()) return fail('must be in the future');
        return pass(text);
      };
    case 'datetime':
      return (raw) => {
        const text = String(raw ?? '').trim();
        if (!text) return f.required ? fail('is required') : pass(null);
        const iso = fromLocalInput(text);
        if (!iso) return fail('must be a date and time');
        const year = Number(text.slice(0, 4));
        return year >= 1 && year <= 9999 ? pass(iso) : fail('must be a date between the years 1 and 9999');
      };
    case 'select':
      return (raw) => (raw ? pass(String(raw)) : f.required ? fail('is required') : pass(null));
    case 'switch':
      return (raw) => pass(!!raw);
    case 'record':
    case 'user':
      return (raw) => {
        const option = raw as PickerOption | null;
        return option?.id ? pass(option.id) : f.required ? fail('is required') : pass(null);
      };
    case 'lines':
      return () => pass(null); // checked by its own array schema below
  }
}

function fieldSchema(f: FieldDef): z.ZodType {
  if (f.kind === 'lines') {
    const checkLine = f.checkLine;
    const columns = z.object(Object.fromEntries(f.columns.map((c) => [c.name, fieldSchema(c)])));
    // The line's rule runs even when another of its fields failed (a missing account does not hide
    // "not both"); it sees only the fields that passed, and never covers a field's own message.
    const row = checkLine
      ? columns.superRefine(
          (line, ctx) => {
            const failed = new Set(ctx.issues.map((i) => i.path?.[0]));
            const problem = checkLine(Object.fromEntries(Object.entries(line).filter(([k]) => !failed.has(k))));
            if (problem && !failed.has(problem.field)) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
          },
          { when: () => true },
        )
      : columns;
    const rows = z.array(row);
    return f.minRows ? rows.min(f.minRows, { message: `needs at least ${f.minRows} ${f.minRows === 1 ? 'line' : 'lines'}` }) : rows;
  }
  const run = check(f);
  return z.unknown().transform((value, ctx) => {
    const result = run(value);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  });
}

/** The schema of the given (visible) fields: checks what was typed, returns what the API takes. */
export function formSchema(fields: FieldDef[]) {
  return z.object(Object.fromEntries(fields.map((f) => [f.name, fieldSchema(f)])));
}
