/// <reference types="vite/client" />
import type { EntityModule } from './entity';

// Every feature's registry entry, found by file name: adding an entity type adds a file, not a line
// here. Jest cannot compile `import.meta`; it maps this module to test/entity-modules.ts, which finds
// the same files on disk.
const found = import.meta.glob<EntityModule>('../features/*/*.entity.tsx', { eager: true });

export const entityModules: EntityModule[] = Object.keys(found)
  .sort()
  .map((file) => found[file]);
