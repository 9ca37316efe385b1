import { anonymous, clientAs } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';
import { buildBareSchema } from '../../schema';
import { MUTATION_PROBES, ProbeEnv, probeEnv } from './permission-matrix.probes';
import { cells, MUTATION_MATRIX } from './permission-matrix.table';

// Role × Mutation field, through the HTTP endpoint. 'scoped' writes: others' records answer
// NOT_FOUND (as a missing id would) and a rep may not create records for someone else.
let server: TestServer;
let env: ProbeEnv;
beforeAll(async () => {
  server = await startTestServer();
  env = await probeEnv(server);
});
afterAll(async () => { await server.stop(); });

describe('the Mutation matrix', () => {
  it('declares every Mutation field of the built schema, and only those', () => {
    const fields = Object.keys(buildBareSchema().getMutationType()!.getFields());
    expect(Object.keys(MUTATION_MATRIX).sort()).toEqual(fields.sort());
  });

  it('has a probe for every declared field', () => {
    expect(Object.keys(MUTATION_PROBES).sort()).toEqual(Object.keys(MUTATION_MATRIX).sort());
  });
});

describe('Mutation fields by role', () => {
  it.each(cells(MUTATION_MATRIX))('%s as %s → %s', async (field, caller, expected) => {
    const client = caller === 'anonymous' ? anonymous(server) : await clientAs(server, caller);
    expect(await MUTATION_PROBES[field](client, env)).toBe(expected);
  });
});
