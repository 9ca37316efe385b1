import { useEffect, useState } from 'react';
import TextField from '@mui/material/TextField';

/** A list's text filter: typed freely, applied (to the URL and the query) after a short pause. */
export function SearchField({ label, value, onChange }: { label: string; value: string; onChange(v: string): void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return undefined;
    const t = setTimeout(() => onChange(text), 300);
    return () => clearTimeout(t);
  }, [text, value, onChange]);
  return <TextField size="small" type="search" label={label} value={text} onChange={(e) => setText(e.target.value)} sx={{ minWidth: 260 }} />;
}
