import { anonymous, clientAs } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';
import { buildBareSchema } from '../../schema';
import { ProbeEnv, probeEnv, QUERY_PROBES } from './permission-matrix.probes';
import { cells, QUERY_MATRIX } from './permission-matrix.table';

// Role × Query field, through the HTTP endpoint. The expected outcomes are DESIGN.md §3.
let server: TestServer;
let env: ProbeEnv;
beforeAll(async () => {
  server = await startTestServer();
  env = await probeEnv(server);
});
afterAll(async () => { await server.stop(); });

describe('the Query matrix', () => {
  it('declares every Query field of the built schema, and only those', () => {
    const fields = Object.keys(buildBareSchema().getQueryType()!.getFields());
    expect(Object.keys(QUERY_MATRIX).sort()).toEqual(fields.sort());
  });

  it('has a probe for every declared field', () => {
    expect(Object.keys(QUERY_PROBES).sort()).toEqual(Object.keys(QUERY_MATRIX).sort());
  });
});

describe('Query fields by role', () => {
  it.each(cells(QUERY_MATRIX))('%s as %s → %s', async (field, caller, expected) => {
    const client = caller === 'anonymous' ? anonymous(server) : await clientAs(server, caller);
    expect(await QUERY_PROBES[field](client, env)).toBe(expected);
  });
});
