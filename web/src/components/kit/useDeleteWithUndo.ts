import { useCallback } from 'react';
import { describeError } from '../../app/errors';
import { useNotify } from '../Notifications';

/** Soft delete with an "Undo" in the snackbar that restores the record. */
export function useDeleteWithUndo() {
  const notify = useNotify();
  return useCallback(
    async (o: { label: string; remove(): Promise<unknown>; restore(): Promise<unknown>; onDeleted?(): void; onRestored?(): void }) => {
      try {
        await o.remove();
      } catch (err) {
        notify(describeError(err).message, { severity: 'error' });
        return;
      }
      o.onDeleted?.();
      notify(`${o.label} moved to the trash`, {
        action: {
          label: 'Undo',
          run: () => {
            o.restore().then(
              () => {
                notify(`${o.label} restored`);
                o.onRestored?.();
              },
              (err) => notify(describeError(err).message, { severity: 'error' }),
            );
          },
        },
      });
    },
    [notify],
  );
}
