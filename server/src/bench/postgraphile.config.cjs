'use strict';
// PostGraphile as the benchmark runs it: the amber preset over the benchmark database's `public`
// schema, with a pool of 10 connections like the API and the `pg` baseline. The database URL comes
// from the environment, which keeps it out of the process list.
const { PostGraphileAmberPreset } = require('postgraphile/presets/amber');
const { makePgService } = require('postgraphile/adaptors/pg');

module.exports = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public'], poolConfig: { max: 10 } })],
};
