import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { FeedEntryFragment } from '../../gql/graphql';
import { changedFields, describeEntry } from '../../features/activity/format';
import { formatDateTime } from './format';

/** A record's history, newest first, from its `timeline` connection (oldest → newest on the wire). */
export function Timeline({ entries }: { entries: FeedEntryFragment[] }) {
  const newestFirst = [...entries].reverse();
  return (
    <Paper variant="outlined" component="section" aria-label="Timeline" sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" sx={{ fontSize: '1rem', mb: 1 }}>
        Timeline
      </Typography>
      {newestFirst.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No history yet.
        </Typography>
      ) : (
        <List dense disablePadding>
          {newestFirst.map((e) => {
            const fields = changedFields(e);
            return (
              <ListItem key={e.id} disableGutters divider>
                <ListItemText primary={describeEntry(e)} secondary={`${formatDateTime(e.createdAt)}${fields.length ? ` · ${fields.join(', ')}` : ''}`} />
              </ListItem>
            );
          })}
        </List>
      )}
    </Paper>
  );
}
