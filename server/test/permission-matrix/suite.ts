import { anonymous, clientAs } from '../factories';
import { startTestServer, TestServer } from '../server';
import { buildBareSchema } from '../../src/schema';
import { MUTATION_PROBES, ProbeEnv, probeEnv, QUERY_PROBES } from './probes';
import { cells, MUTATION_MATRIX, QUERY_MATRIX } from './table';

/**
 * Role × root field of one root type, through the HTTP endpoint. The matrix must name every
 * field of the built schema, so a new root field without a declared outcome fails.
 */
export function matrixSuite(root: 'Query' | 'Mutation'): void {
  const matrix = root === 'Query' ? QUERY_MATRIX : MUTATION_MATRIX;
  const probes = root === 'Query' ? QUERY_PROBES : MUTATION_PROBES;
  let server: TestServer;
  let env: ProbeEnv;
  beforeAll(async () => {
    server = await startTestServer();
    env = await probeEnv(server);
  });
  afterAll(async () => {
    await server.stop();
  });

  describe(`the ${root} matrix`, () => {
    it(`declares every ${root} field of the built schema, and only those`, () => {
      const type = root === 'Query' ? buildBareSchema().getQueryType() : buildBareSchema().getMutationType();
      expect(Object.keys(matrix).sort()).toEqual(Object.keys(type!.getFields()).sort());
    });

    it('has a probe for every declared field', () => {
      expect(Object.keys(probes).sort()).toEqual(Object.keys(matrix).sort());
    });
  });

  describe(`${root} fields by role`, () => {
    it.each(cells(matrix))('%s as %s → %s', async (field, caller, expected) => {
      const client = caller === 'anonymous' ? anonymous(server) : await clientAs(server, caller);
      expect(await probes[field](client, env)).toBe(expected);
    });
  });
}
