// Fails when web/src/gql differs from what codegen.ts generates now (stale generated code), or when
// a document no longer validates against schema.graphql (codegen itself fails).
require('esbuild-register/dist/node').register({ target: 'node20' });
const fs = require('node:fs');
const path = require('node:path');
const { generate } = require('@graphql-codegen/cli');

async function main() {
  const root = path.resolve(__dirname, '..', '..');
  process.chdir(root);
  const config = require(path.join(root, 'codegen.ts')).default;
  const outputs = await generate({ ...config, silent: true, verbose: false }, false);
  const stale = [];
  const expected = new Set();
  for (const out of outputs) {
    const file = path.resolve(root, out.filename);
    expected.add(file);
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
    if (current !== out.content) stale.push(path.relative(root, file));
  }
  const dir = path.join(root, 'web', 'src', 'gql');
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const file = path.join(dir, name);
    if (!expected.has(file)) stale.push(`${path.relative(root, file)} (not generated any more)`);
  }
  if (stale.length) {
    console.error(`Generated web code is stale: ${stale.join(', ')}.\nRun \`npm run codegen\` and commit web/src/gql.`);
    process.exit(1);
  }
  console.log(`web/src/gql is up to date (${outputs.length} files).`);
}

main().catch((err) => {
  console.error(`GraphQL documents do not validate against schema.graphql:\n${err.message ?? err}`);
  for (const e of err.errors ?? []) console.error(String(e.message ?? e));
  process.exit(1);
});
