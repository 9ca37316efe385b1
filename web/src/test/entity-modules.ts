import fs from 'node:fs';
import path from 'node:path';
import type { EntityModule } from '../app/entity';

// Jest's stand-in for app/entity-modules.ts (mapped in jest.config.ts): the same files, found on disk.
const features = path.resolve(__dirname, '..', 'features');

export const entityModules: EntityModule[] = fs
  .readdirSync(features)
  .sort()
  .flatMap((dir) =>
    fs
      .readdirSync(path.join(features, dir))
      .filter((file) => file.endsWith('.entity.tsx'))
      .sort()
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- jest's stand-in for import.meta.glob
      .map((file) => require(path.join(features, dir, file)) as EntityModule),
  );
