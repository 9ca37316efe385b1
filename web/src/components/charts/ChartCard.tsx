import type { ReactNode } from 'react';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';

/** A titled chart, named by its title, with an optional sentence summing it up. */
export function ChartCard({ id, title, summary, children }: { id: string; title: string; summary?: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" aria-labelledby={`${id}-title`} sx={{ p: 2 }}>
      <Typography id={`${id}-title`} variant="h6" component="h2" sx={{ fontSize: '1rem' }}>
        {title}
      </Typography>
      {summary && (
        <Typography variant="body2" color="text.secondary">
          {summary}
        </Typography>
      )}
      {children}
    </Paper>
  );
}
