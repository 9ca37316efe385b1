import { useCallback, useState } from 'react';
import Alert from '@mui/material/Alert';

/**
 * A failed action's message, kept with the record it is about: a record's page stays mounted when it
 * moves to another record, and the message must not follow it there. `fail(message)` keeps it for
 * the record `id` names now (`fail(null)` clears it); `notice` is the closable alert, shown only
 * while that record is.
 */
export function useRecordFailure(id: string | null | undefined) {
  const [failure, setFailure] = useState<{ id: string; message: string } | null>(null);
  const fail = useCallback((message: string | null) => setFailure(message === null || id == null ? null : { id, message }), [id]);
  const notice =
    failure && failure.id === id ? (
      <Alert severity="error" sx={{ mb: 2 }} onClose={() => setFailure(null)}>
        {failure.message}
      </Alert>
    ) : null;
  return { fail, notice };
}
