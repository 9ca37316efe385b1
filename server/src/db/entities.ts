import { entities as applicationEntities } from '../application';

/** Every table's entity class, from the kernel's and the modules' manifests. */
export const entities = (): Function[] => applicationEntities();
