import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { EmptyLine } from '../States';

/** A record's fields as a definition list (label → value). */
export function DetailFields({ fields }: { fields: [string, ReactNode][] }) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'max-content 1fr' }, columnGap: 3, rowGap: 1, m: 0 }}>
        {fields.map(([label, value]) => (
          <Box key={label} sx={{ display: 'contents' }}>
            <Typography component="dt" variant="body2" color="text.secondary">
              {label}
            </Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
              {value ?? '—'}
            </Typography>
          </Box>
        ))}
      </Box>
    </Paper>
  );
}

/** A titled section of related records on a detail page. */
export function Section({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" component="h2" sx={{ fontSize: '1rem', flex: 1 }}>
          {title}
        </Typography>
        {actions}
      </Box>
      {children}
    </Paper>
  );
}

/** Related records on a detail page: a titled list of links, or a line saying there are none. */
export function RelatedList<T extends { id: string }>(p: {
  title: string;
  total: number;
  items: T[];
  emptyText: string;
  href(item: T): string;
  primary(item: T): string;
  secondary?(item: T): string | null | undefined;
  actions?: ReactNode;
}) {
  return (
    <Section title={`${p.title} (${p.total})`} actions={p.actions}>
      {p.items.length === 0 ? (
        <EmptyLine text={p.emptyText} />
      ) : (
        <List dense disablePadding>
          {p.items.map((item) => (
            <ListItem key={item.id} disableGutters divider>
              <ListItemText
                primary={
                  <Link component={RouterLink} to={p.href(item)}>
                    {p.primary(item)}
                  </Link>
                }
                secondary={p.secondary?.(item) || undefined}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Section>
  );
}

/** A titled block of free text (notes, details), or a line saying there is none. */
export function TextSection({ title, text, empty }: { title: string; text: string | null | undefined; empty: string }) {
  return (
    <Section title={title}>
      {text ? (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {text}
        </Typography>
      ) : (
        <EmptyLine text={empty} />
      )}
    </Section>
  );
}
