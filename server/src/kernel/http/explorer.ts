import path from 'node:path';
import type { Express, NextFunction, Request, Response } from 'express';
import { logger } from '../logger';

// The GraphQL explorer outside production: a browser opening /graphql gets GraphiQL, bundled from
// the installed `graphiql` package with esbuild on first use (both development dependencies) and
// served from this origin — nothing from a CDN, so it works without internet access.
const ASSETS = '/graphql/explorer';
const SOURCES = path.join(__dirname, 'explorer');

const HEADERS: Record<string, string> = {
  'Cache-Control': 'no-cache',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
  // GraphiQL sets inline styles; scripts only from this origin; the API over HTTP and WebSocket.
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self' ws: wss:; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Converge GraphQL explorer</title>
<link rel="stylesheet" href="${ASSETS}/explorer.css">
<script type="module" src="${ASSETS}/explorer.js"></script>
</head>
<body>
<div id="explorer"></div>
<noscript>The explorer needs JavaScript. The API answers GraphQL over HTTP at POST /graphql.</noscript>
</body>
</html>
`;

interface Asset {
  type: string;
  body: Buffer;
}

let bundle: Promise<Map<string, Asset>> | undefined;

async function build(): Promise<Map<string, Asset>> {
  // Loaded on first use: a development dependency, absent from production installs.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a development dependency, loaded only here
  const esbuild = require('esbuild') as typeof import('esbuild');
  const result = await esbuild.build({
    entryPoints: { explorer: path.join(SOURCES, 'explorer.client.js'), 'explorer-style': path.join(SOURCES, 'explorer.css') },
    bundle: true,
    write: false,
    outdir: '/explorer',
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl' },
    logLevel: 'silent',
  });
  const assets = new Map<string, Asset>();
  for (const file of result.outputFiles) {
    const name = path.basename(file.path) === 'explorer-style.css' ? 'explorer.css' : path.basename(file.path);
    assets.set(name, { type: name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8', body: Buffer.from(file.contents) });
  }
  return assets;
}

/** The bundle, built once per process (again after a failure). */
function explorerBundle(): Promise<Map<string, Asset>> {
  bundle ??= build().catch((err) => {
    bundle = undefined;
    throw err;
  });
  return bundle;
}

/** Serves the explorer page for browser visits to GET /graphql, and its assets under /graphql/explorer/. */
export function serveExplorer(app: Express): void {
  app.get('/graphql', (req: Request, res: Response, next: NextFunction) => {
    // GraphQL GET requests (a `query` parameter) and API clients go on to the API.
    if (req.query.query !== undefined || req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) !== 'text/html') return next();
    res.set(HEADERS).type('html').send(PAGE);
  });
  app.get(`${ASSETS}/:file`, async (req: Request, res: Response) => {
    let assets: Map<string, Asset>;
    try {
      assets = await explorerBundle();
    } catch (err) {
      logger.warn({ err }, 'the GraphQL explorer could not be built');
      res
        .status(503)
        .type('text/plain')
        .send('The GraphQL explorer is built from the development dependencies (graphiql, esbuild): run npm install without --omit=dev.');
      return;
    }
    const asset = assets.get(String(req.params.file));
    if (!asset) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    res.set(HEADERS).type(asset.type).send(asset.body);
  });
}
