import fs from 'node:fs';
import path from 'node:path';
import { buildBareSchema, printAppSchema } from '../schema';

// npm run schema:emit writes schema.graphql; schema:check fails when it differs from the code.
const file = path.resolve(__dirname, '..', '..', '..', 'schema.graphql');
const sdl = printAppSchema(buildBareSchema());

if (process.argv.includes('--check')) {
  const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (committed !== sdl) {
    console.error('schema.graphql is out of date with the code: run `npm run schema:emit` and commit it.');
    process.exit(1);
  }
  console.log('schema.graphql matches the code.');
} else {
  fs.writeFileSync(file, sdl);
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
}
