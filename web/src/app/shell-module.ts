import { loader } from './loader';

/** Everything behind the login, as its own chunk: the sign-in page stays small. */
export const shellModule = loader(() => import('./SignedInApp'));
