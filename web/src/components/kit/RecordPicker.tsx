import { useEffect, useState, type Ref } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import type { PickerOption } from './types';

interface Props<T extends PickerOption> {
  label: string;
  value: T | null;
  onChange(option: T | null): void;
  /** Options for the current search text; the server filters, the picker only shows them. */
  options: T[];
  loading: boolean;
  /** The typed text, after a short pause; '' when nothing is typed (or after a choice). */
  onSearch(text: string): void;
  /** The picker's list opened or closed: queries run only while it is open. */
  onOpenChange(open: boolean): void;
  required?: boolean;
  error?: boolean;
  helperText?: string;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/** A record chooser (account, contact, deal, user) searching the server as the user types. */
export function RecordPicker<T extends PickerOption>(p: Props<T>) {
  const { onSearch } = p;
  const [typed, setTyped] = useState<string | null>(null);
  useEffect(() => {
    if (typed === null) return undefined;
    const t = setTimeout(() => onSearch(typed.trim()), 250);
    return () => clearTimeout(t);
  }, [typed, onSearch]);
  // The chosen record stays selectable even when the current search does not return it.
  const options = p.value && !p.options.some((o) => o.id === p.value!.id) ? [p.value, ...p.options] : p.options;
  return (
    <Autocomplete<T>
      options={options}
      value={p.value}
      loading={p.loading}
      disabled={p.disabled}
      filterOptions={(x) => x}
      getOptionLabel={(o) => o.label}
      getOptionKey={(o) => o.id}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onOpen={() => {
        // Opened without typing (e.g. showing a chosen record's label): list from the start.
        if (typed === null) onSearch('');
        p.onOpenChange(true);
      }}
      onClose={() => p.onOpenChange(false)}
      onChange={(_, option) => p.onChange(option)}
      onInputChange={(_, text, reason) => {
        if (reason === 'input') return setTyped(text);
        // The input now shows a label (or nothing), not a search.
        setTyped(null);
        if (reason === 'clear') onSearch('');
      }}
      noOptionsText={p.loading ? 'Loading…' : 'No matches'}
      renderOption={(props, option) => {
        const { key, ...rest } = props as typeof props & { key: string };
        return (
          <li key={key} {...rest}>
            <span>
              {option.label}
              {option.detail && (
                <>
                  <br />
                  <small>{option.detail}</small>
                </>
              )}
            </span>
          </li>
        );
      }}
      renderInput={(params) => (
        <TextField {...params} inputRef={p.inputRef} label={p.label} required={p.required} margin="dense" error={p.error} helperText={p.helperText ?? ' '} />
      )}
    />
  );
}

/** State for a picker's server query: the search text and whether its list is open. */
export function usePickerSearch() {
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  return { search, open, onSearch: setSearch, onOpenChange: setOpen };
}
