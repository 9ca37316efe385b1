import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useCapabilities } from '../../app/capabilities';
import { entities, entityOf, recordPath } from '../../app/registry';
import { searchDocument } from './search-document';

interface Hit {
  score: number;
  node: { __typename: string; id: string } & Record<string, unknown>;
}

// The searchable types and how a hit of each reads, from their registry entries.
const SEARCHABLE = entities.filter((e) => e.search);
const SEARCH = searchDocument(SEARCHABLE.map((e) => e.search!.fragment));

const label = (hit: Hit) => entityOf(hit.node.__typename)?.search?.label(hit.node) ?? hit.node.id;
const detail = (hit: Hit) => entityOf(hit.node.__typename)?.search?.detail(hit.node) ?? '';

/** The search box's width (the shell holds its place while it loads). */
export const SEARCH_WIDTH = { xs: 160, sm: 280 };

/** Global search over the types the user may read (server full-text search, scoped by role). */
export function SearchBox() {
  const navigate = useNavigate();
  const caps = useCapabilities();
  const readable = SEARCHABLE.filter((e) => caps.canRead(e.typeName));
  const types = readable.map((e) => e.search!.type);
  const [input, setInput] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQuery(input.trim()), 250);
    return () => clearTimeout(t);
  }, [input]);
  const { data, loading } = useQuery<{ search: Hit[] }>(SEARCH, {
    variables: { query, first: 8, types },
    skip: query.length < 2 || !types.length,
    fetchPolicy: 'network-only',
  });
  if (!types.length) return null;
  const options = query.length >= 2 ? (data?.search ?? []) : [];
  const placeholder = readable.map((e) => e.labels.plural.toLowerCase()).join(', ');
  return (
    <Autocomplete
      size="small"
      sx={{ width: SEARCH_WIDTH }}
      options={options}
      loading={loading}
      filterOptions={(x) => x}
      getOptionLabel={label}
      getOptionKey={(o) => `${o.node.__typename}:${o.node.id}`}
      inputValue={input}
      onInputChange={(_, v) => setInput(v)}
      onChange={(_, hit) => {
        const href = hit && recordPath(hit.node.__typename, hit.node.id);
        if (href) {
          navigate(href);
          setInput('');
        }
      }}
      noOptionsText={query.length < 2 ? 'Type at least 2 letters' : 'No matches'}
      renderOption={(props, hit) => {
        const { key, ...rest } = props as typeof props & { key: string };
        return (
          <li key={key} {...rest}>
            <span>
              {label(hit)}
              <br />
              <small>{detail(hit)}</small>
            </span>
          </li>
        );
      }}
      renderInput={(params) => <TextField {...params} label="Search" placeholder={placeholder.charAt(0).toUpperCase() + placeholder.slice(1)} />}
    />
  );
}
