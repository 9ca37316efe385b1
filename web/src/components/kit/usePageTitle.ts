import { useEffect } from 'react';

const APP = 'Converge';

/** The browser tab names the page: "Accounts · Converge", "Acme · Converge". */
export function usePageTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · ${APP}` : APP;
  }, [title]);
}
