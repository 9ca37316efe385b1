#!/usr/bin/env node
// Runs a compiled entry point from dist/, compiling src/ first when the build is missing or stale,
// so `npm start` works right after `npm install`.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

const stamp = path.join(dist, '.build-stamp');
const stale = () => !fs.existsSync(stamp) || fs.statSync(stamp).mtimeMs < newestMtime(src);

// Processes started together (`npm run start:api` and `npm run worker`) build one at a time: the
// first builds under a lock directory, the others wait and then find the build fresh.
function withBuildLock(fn) {
  const lock = path.join(root, '.build-lock');
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > 120_000) fs.rmSync(lock, { recursive: true, force: true }); // left by a killed build
      } catch {
        // gone meanwhile: another process finished its build
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for another build (remove ${lock} if none is running)`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

if (stale()) {
  withBuildLock(() => {
    if (!stale()) return;
    fs.rmSync(dist, { recursive: true, force: true });
    execFileSync(process.execPath, [require.resolve('@swc/cli/bin/swc.js'), 'src', '-d', 'dist', '--strip-leading-paths', '--copy-files', '-q'], {
      cwd: root,
      stdio: 'inherit',
    });
    fs.writeFileSync(stamp, new Date().toISOString());
  });
}

const [target, ...rest] = process.argv.slice(2);

// The server serves the built web app: build it when missing or older than its sources (under the
// same lock, so servers started together build it once).
if (target === 'main') {
  const web = path.join(root, '..', 'web');
  const webStamp = path.join(web, 'dist', '.build-stamp');
  const sources = [path.join(web, 'src'), path.join(web, 'index.html'), path.join(web, 'vite.config.mts')];
  const webStale = () => {
    const newest = Math.max(...sources.filter((p) => fs.existsSync(p)).map((p) => (fs.statSync(p).isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs)));
    return fs.existsSync(path.join(web, 'src')) && (!fs.existsSync(webStamp) || fs.statSync(webStamp).mtimeMs < newest);
  };
  if (webStale()) {
    let vite;
    try {
      vite = path.join(path.dirname(require.resolve('vite/package.json', { paths: [web] })), 'bin', 'vite.js');
    } catch {
      console.warn('web/dist is missing or stale and Vite is not installed (npm install without --omit=dev builds it); serving the API only.');
    }
    if (vite) {
      withBuildLock(() => {
        if (!webStale()) return;
        console.log('Building the web app…');
        // Always a production build of React, whatever NODE_ENV this process runs with.
        execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: web, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
        fs.writeFileSync(webStamp, new Date().toISOString());
      });
    }
  }
}
process.argv = [process.argv[0], path.join(dist, `${target}.js`), ...rest];
require(path.join(dist, `${target}.js`));
