'use strict';
// PostGraphile as the benchmark runs it: the amber preset over the benchmark database's `public`
// schema, with a pool of 10 connections like the API and the `pg` baseline. The database URL comes
// from the environment, which keeps it out of the process list. PostGraphile itself comes from the
// peer the benchmark installed (POSTGRAPHILE_PEER_DIR, see postgraphile-peer.ts), not the workspace.
const path = require('node:path');
const { createRequire } = require('node:module');

const peerDir = process.env.POSTGRAPHILE_PEER_DIR;
if (!peerDir) throw new Error('POSTGRAPHILE_PEER_DIR is not set: start PostGraphile through npm run bench');
const peerRequire = createRequire(path.join(peerDir, 'package.json'));
const { PostGraphileAmberPreset } = peerRequire('postgraphile/presets/amber');
const { makePgService } = peerRequire('postgraphile/adaptors/pg');

module.exports = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public'], poolConfig: { max: 10 } })],
};
