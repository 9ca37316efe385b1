import { useCallback, useState } from 'react';
import { describeError, type UserFacingError } from '../app/errors';
import { validate, type Rules } from './validation';

/**
 * Form state for the record dialogs: values, client checks, server field errors mapped onto the
 * same fields, and a form-level error (CONFLICT, FORBIDDEN, ...).
 */
export function useForm<K extends string>(initial: Record<K, string>, rules: Rules<K>) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<K, string>>>({});
  const [formError, setFormError] = useState<UserFacingError | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const set = useCallback((key: K, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  }, []);

  const reset = useCallback((next: Record<K, string>) => {
    setValues(next);
    setErrors({});
    setFormError(null);
  }, []);

  /** Runs the client checks, then `action`; a failed action's errors land on the fields or the form. */
  const submit = useCallback(
    async (action: (values: Record<K, string>) => Promise<void>) => {
      const found = validate(values, rules);
      setErrors(found);
      setFormError(null);
      if (Object.keys(found).length) return false;
      setSubmitting(true);
      try {
        await action(values);
        return true;
      } catch (err) {
        const described = describeError(err);
        const fieldErrors = described.fields as Partial<Record<K, string>>;
        setErrors(fieldErrors);
        const known = Object.keys(fieldErrors).some((k) => k in values);
        if (!known || described.code !== 'BAD_USER_INPUT') setFormError(described);
        return false;
      } finally {
        setSubmitting(false);
      }
    },
    [values, rules],
  );

  const field = (key: K) => ({
    name: key,
    value: values[key],
    onChange: (e: { target: { value: string } }) => set(key, e.target.value),
    error: !!errors[key],
    helperText: errors[key] ?? ' ',
  });

  return { values, errors, formError, submitting, set, reset, submit, field, setFormError };
}
