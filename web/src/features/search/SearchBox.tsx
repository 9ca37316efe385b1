import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { GlobalSearchDocument, type GlobalSearchQuery } from '../../gql/graphql';

type Hit = GlobalSearchQuery['search'][number];

function label(hit: Hit): string {
  const n = hit.node;
  if (n.__typename === 'Account') return n.name;
  if (n.__typename === 'Contact') return `${n.firstName} ${n.lastName}`;
  return n.name;
}

function detail(hit: Hit): string {
  const n = hit.node;
  if (n.__typename === 'Account') return `Account${n.industry ? ` · ${n.industry}` : ''}`;
  if (n.__typename === 'Contact') return `Contact${n.email ? ` · ${n.email}` : ''}`;
  return `Deal · ${n.stage.replace(/_/g, ' ').toLowerCase()}`;
}

function href(hit: Hit): string {
  const n = hit.node;
  return `/${n.__typename === 'Account' ? 'accounts' : n.__typename === 'Contact' ? 'contacts' : 'deals'}/${n.id}`;
}

/** Global search over accounts, contacts and deals (server full-text search, scoped by role). */
export function SearchBox() {
  const navigate = useNavigate();
  const [input, setInput] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQuery(input.trim()), 250);
    return () => clearTimeout(t);
  }, [input]);
  const { data, loading } = useQuery(GlobalSearchDocument, { variables: { query, first: 8 }, skip: query.length < 2, fetchPolicy: 'network-only' });
  const options = query.length >= 2 ? (data?.search ?? []) : [];
  return (
    <Autocomplete
      size="small"
      sx={{ width: { xs: 160, sm: 280 } }}
      options={options}
      loading={loading}
      filterOptions={(x) => x}
      getOptionLabel={label}
      getOptionKey={(o) => `${o.node.__typename}:${o.node.id}`}
      inputValue={input}
      onInputChange={(_, v) => setInput(v)}
      onChange={(_, hit) => {
        if (hit) {
          navigate(href(hit));
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
      renderInput={(params) => <TextField {...params} label="Search" placeholder="Accounts, contacts, deals" />}
    />
  );
}
