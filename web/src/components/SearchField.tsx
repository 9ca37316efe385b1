import { useEffect, useRef, useState } from 'react';
import TextField from '@mui/material/TextField';

/** A list's text filter: typed freely, applied (to the URL and the query) after a short pause. */
export function SearchField({ label, value, onChange }: { label: string; value: string; onChange(v: string): void }) {
  const [text, setText] = useState(value);
  const applied = useRef(value);
  // Follow outside changes (back button, a cleared filter), but not the echo of what was just applied:
  // the user may have typed on meanwhile, and those characters must not be overwritten.
  useEffect(() => {
    if (value !== applied.current) {
      applied.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => {
    if (text === value) return undefined;
    const t = setTimeout(() => {
      applied.current = text;
      onChange(text);
    }, 300);
    return () => clearTimeout(t);
  }, [text, value, onChange]);
  return <TextField size="small" type="search" label={label} value={text} onChange={(e) => setText(e.target.value)} sx={{ minWidth: 260 }} />;
}
