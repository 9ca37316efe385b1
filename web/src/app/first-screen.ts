import type { ApolloClient } from '@apollo/client';
import type { MeQuery } from '../gql/graphql';
import { MeDocument } from '../gql/auth';
import { installCachePolicies } from './cache-policies';
import type { prefetchPage } from '../components/kit/first-fetch';
import type { EntityScreens } from '../components/kit/types';
import { loadScreens } from './registry';
import { dashboardModule, kitModules, pageModule, routeTarget } from './route-modules';
import { shellModule } from './shell-module';

type Me = MeQuery['me'];

/**
 * The first screen of a signed-in reload, started from the entry rather than one step after another
 * as the tree renders (shell chunk → `me` → route chunk → page query): the shell's chunk, `me` and
 * the route's chunks load together, and a list or record page's query leaves as soon as `me` and the
 * type's descriptors are there, while the shell is still rendering. The screens then find each of
 * them in flight or in the cache, and send nothing twice.
 */
export function startFirstScreen(client: ApolloClient, location: { pathname: string; search: string }): void {
  // Lists merge by cursor: the policies must be in place before the first list is written.
  installCachePolicies(client.cache);
  const me = whenMe(client);
  // The route's chunks before the shell's: the page's query waits for them, the shell for nothing.
  startRoute(client, location, me);
  shellModule.load().catch(() => undefined);
}

/**
 * Sends `me` and tells who is signed in the moment the answer is there — before the shell renders
 * with it (a promise would tell only after that render). An expired or revoked session is left to
 * the shell, which asks for `me` itself and signs out.
 */
function whenMe(client: ApolloClient): (then: (me: Me) => void) => void {
  let me: Me | undefined;
  const waiting: ((me: Me) => void)[] = [];
  const query = client.watchQuery({ query: MeDocument, fetchPolicy: 'cache-first' });
  const sub = query.subscribe({
    next: (result) => {
      if (result.dataState !== 'complete' || !result.data.me || me) return;
      const user = result.data.me;
      me = user;
      for (const then of waiting.splice(0)) then(user);
      // Unsubscribed after this turn: the answer may arrive before `subscribe` returned.
      queueMicrotask(() => sub.unsubscribe());
    },
    error: () => queueMicrotask(() => sub.unsubscribe()),
  });
  return (then) => (me ? then(me) : waiting.push(then));
}

function startRoute(client: ApolloClient, location: { pathname: string; search: string }, whenSignedIn: (then: (me: Me) => void) => void): void {
  const target = routeTarget(location.pathname);
  if (!target) return;
  if (target.kind === 'dashboard') {
    dashboardModule.load().catch(() => undefined);
  } else if (target.kind === 'page') {
    pageModule(target.page)
      .load()
      .catch(() => undefined);
  } else {
    const view = target.kind === 'list' ? { kind: 'list' as const, search: location.search } : { kind: 'detail' as const, id: target.id };
    // The query needs only the type's descriptors and the small module that builds its variables, not
    // the kit's pages (which bring the detail page and more); those load alongside for the render.
    const query = Promise.all([import('../components/kit/first-fetch'), loadScreens(target.entry.typeName)]);
    kitModules(target.entry)
      .load()
      .catch(() => undefined);
    // Whichever comes second, `me` or the descriptors, sends the page's query at once.
    let user: Me | undefined;
    let ready: { prefetchPage: typeof prefetchPage; screens: EntityScreens } | undefined;
    const send = () => {
      if (user && ready) ready.prefetchPage(client, user, { entry: target.entry, screens: ready.screens, view });
    };
    whenSignedIn((me) => {
      user = me;
      send();
    });
    query
      .then(([{ prefetchPage }, screens]) => {
        ready = { prefetchPage, screens };
        send();
      })
      .catch(() => undefined);
  }
}
