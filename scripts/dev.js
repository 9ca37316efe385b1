#!/usr/bin/env node
// `npm run dev`: the API (embedded database unless DATABASE_URL is set) on API_PORT (4000) and Vite
// on 5173 with hot reload, proxying /graphql (HTTP and WebSocket) to the API.
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const apiPort = process.env.API_PORT ?? process.env.PORT ?? '4000';
const children = [
  spawn(process.execPath, [path.join(root, 'server', 'scripts', 'run.js'), 'main'], {
    cwd: path.join(root, 'server'),
    stdio: 'inherit',
    env: { ...process.env, PORT: apiPort, WEB_DIST_DIR: path.join(root, 'web', 'dist') },
  }),
  spawn(process.execPath, [path.join(path.dirname(require.resolve('vite/package.json', { paths: [path.join(root, 'web')] })), 'bin', 'vite.js')], {
    cwd: path.join(root, 'web'),
    stdio: 'inherit',
    env: { ...process.env, API_PORT: apiPort },
  }),
];
const stop = (code) => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  process.exitCode = code;
};
for (const c of children) c.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
