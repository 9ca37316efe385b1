import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import createCache from '@emotion/cache';
import { CacheProvider } from '@emotion/react';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider, createTheme } from '@mui/material/styles';

type Mode = 'light' | 'dark';
const KEY = 'converge.colorMode';

const ColorModeContext = createContext<{ mode: Mode; toggle(): void }>({ mode: 'light', toggle: () => undefined });

// Styles are inserted without vendor prefixes: the browsers the dashboard supports need none, and
// prefixing every rule was a large part of what inserting MUI's styles cost on the first screen.
const styleCache = createCache({ key: 'css', stylisPlugins: [] });

export function useColorMode() {
  return useContext(ColorModeContext);
}

function initialMode(): Mode {
  const saved = typeof window !== 'undefined' ? window.localStorage.getItem(KEY) : null;
  if (saved === 'light' || saved === 'dark') return saved;
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function AppThemeProvider({ children }: { children: ReactNode }) {
  const [mode, setMode] = useState<Mode>(initialMode);
  const theme = useMemo(
    () =>
      createTheme({
        palette: {
          mode,
          // Darker primary than MUI's default keeps white button text above 4.5:1 contrast.
          primary: { main: mode === 'light' ? '#1f5fa8' : '#90caf9' },
          secondary: { main: mode === 'light' ? '#6a3d9a' : '#ce93d8' },
        },
        shape: { borderRadius: 8 },
        // Sentence-case buttons: Chromium exposes CSS-uppercased text as the accessible name, and the
        // product's names ("Sign in", "Sign out") are a stable contract.
        components: {
          MuiButton: { defaultProps: { disableElevation: true }, styleOverrides: { root: { textTransform: 'none' } } },
          // A dialog or menu that is closing still covers the page while it fades out; it lets clicks
          // through, so the click someone makes right after saving is not swallowed by its backdrop.
          MuiDialog: { styleOverrides: { root: ({ ownerState }) => (ownerState.open ? null : { pointerEvents: 'none' }) } },
          MuiPopover: { styleOverrides: { root: ({ ownerState }) => (ownerState.open ? null : { pointerEvents: 'none' }) } },
        },
      }),
    [mode],
  );
  const value = useMemo(
    () => ({
      mode,
      toggle: () =>
        setMode((m) => {
          const next = m === 'light' ? 'dark' : 'light';
          window.localStorage.setItem(KEY, next);
          return next;
        }),
    }),
    [mode],
  );
  return (
    <CacheProvider value={styleCache}>
      <ColorModeContext.Provider value={value}>
        <ThemeProvider theme={theme}>
          <CssBaseline />
          {children}
        </ThemeProvider>
      </ColorModeContext.Provider>
    </CacheProvider>
  );
}
