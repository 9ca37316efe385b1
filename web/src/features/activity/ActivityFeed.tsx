import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import Link from '@mui/material/Link';
import { describeEntry, entryLink, timeAgo } from './format';
import { useFeed, type FeedStatus } from './FeedProvider';

const STATUS: Record<FeedStatus, { label: string; color: 'success' | 'default' | 'warning' | 'error' }> = {
  live: { label: 'Live', color: 'success' },
  connecting: { label: 'Connecting', color: 'default' },
  reconnecting: { label: 'Reconnecting', color: 'warning' },
  'catching-up': { label: 'Catching up', color: 'warning' },
  error: { label: 'Offline', color: 'error' },
};

/** The live feed: a labelled region whose entries are list items, newest first. */
export function ActivityFeed({ limit = 50 }: { limit?: number }) {
  const { entries, status } = useFeed();
  const s = STATUS[status];
  return (
    <Box component="section" aria-label="Activity feed" sx={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 2, pt: 2, pb: 1 }}>
        <Typography variant="h6" component="h2" sx={{ flex: 1, fontSize: '1rem' }}>
          Activity
        </Typography>
        <Chip size="small" label={s.label} color={s.color} variant="outlined" />
      </Box>
      {entries.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1 }}>
          {status === 'connecting' ? 'Loading activity…' : 'No activity yet. Changes you may see appear here as they happen.'}
        </Typography>
      ) : (
        // Focusable, so keyboard users can scroll it even when no entry is a link (sign-ins, API keys).
        <List dense tabIndex={0} aria-label="Activity entries" sx={{ overflowY: 'auto' }}>
          {entries.slice(0, limit).map((e) => {
            const href = e.action === 'DELETED' ? null : entryLink(e);
            const text = describeEntry(e);
            return (
              <ListItem key={e.id} divider>
                <ListItemText
                  primary={
                    href ? (
                      <Link component={RouterLink} to={href} underline="hover" color="inherit">
                        {text}
                      </Link>
                    ) : (
                      text
                    )
                  }
                  secondary={`${timeAgo(e.createdAt)}${e.viaApiKey ? ` · via API key ${e.viaApiKey.name}` : ''}`}
                />
              </ListItem>
            );
          })}
        </List>
      )}
    </Box>
  );
}
