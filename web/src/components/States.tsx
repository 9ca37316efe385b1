import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { describeError } from '../app/errors';

/** Shown while a screen's first data loads. */
export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <Box role="status" aria-live="polite" sx={{ display: 'flex', alignItems: 'center', gap: 2, p: 4, justifyContent: 'center' }}>
      <CircularProgress size={24} aria-hidden />
      <Typography color="text.secondary">{label}</Typography>
    </Box>
  );
}

/** Shown when a list or section has nothing in it. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Box sx={{ p: 4, textAlign: 'center' }}>
      <Typography variant="subtitle1" component="p">
        {title}
      </Typography>
      {children && <Box sx={{ mt: 1, color: 'text.secondary' }}>{children}</Box>}
    </Box>
  );
}

/** Shown when loading failed: a message chosen by the error code, never the raw error. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { message } = describeError(error);
  return (
    <Alert
      severity="error"
      sx={{ m: 2 }}
      action={
        onRetry && (
          <Button color="inherit" size="small" onClick={onRetry}>
            Retry
          </Button>
        )
      }
    >
      {message}
    </Alert>
  );
}

/** A query's first load, its failure (with a retry), or its content; `empty` when it found nothing. */
export function QueryState(p: { loading: boolean; error?: unknown; hasData: boolean; onRetry(): void; empty?: ReactNode; children: ReactNode }) {
  if (p.error && !p.hasData) return <ErrorState error={p.error} onRetry={p.onRetry} />;
  if (p.loading && !p.hasData) return <LoadingState />;
  return <>{p.empty ? p.empty : p.children}</>;
}

/** "No interactions yet.": a section's one line when it has nothing to list. */
export function EmptyLine({ text }: { text: string }) {
  return (
    <Typography variant="body2" color="text.secondary">
      {text}
    </Typography>
  );
}
