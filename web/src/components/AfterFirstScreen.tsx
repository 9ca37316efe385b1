import { startTransition, useEffect, useState, type ReactNode } from 'react';

/**
 * Renders its children once the screen around it has been shown: in a transition started after the
 * first commit, so the page's own content goes first and any update it receives meanwhile (the
 * list's rows arriving) interrupts this work instead of waiting for it. For parts of the shell no
 * one reads in the first moments of a reload (global search, the activity feed), which took about a
 * fifth of the time to the first rows.
 */
export function AfterFirstScreen({ children, placeholder = null }: { children: ReactNode; placeholder?: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => startTransition(() => setShown(true)), []);
  return shown ? children : placeholder;
}
