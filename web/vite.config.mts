import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev`: Vite on 5173 with /graphql (HTTP and WebSocket) proxied to the API on API_PORT (4000).
const api = `http://127.0.0.1:${process.env.API_PORT ?? 4000}`;

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/graphql': { target: api, ws: true, changeOrigin: true } },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 800,
    // The page's own <link rel="modulepreload"> tags stay; the runtime helper that inserts one per
    // dependency before each dynamic import is dropped: on a signed-in reload it inserted some fifty
    // links while the first screen was being built (about 30 ms of main-thread work), for chunks the
    // browser finds from the import statements anyway, and the entry already starts every chunk
    // the first screen needs at once (app/first-screen.ts).
    modulePreload: { resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []) },
  },
});
