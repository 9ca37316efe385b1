/** A failure because something took longer than allowed. */
export class DeadlineError extends Error {}

/**
 * Settles like `work`, or rejects with `onTimeout()` once `deadline` (epoch ms) has passed. The
 * work itself is not cancelled: callers release what it holds (e.g. close the page).
 */
export function withDeadline<T>(work: Promise<T>, deadline: number, onTimeout: () => DeadlineError): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), Math.max(0, deadline - Date.now()));
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}
