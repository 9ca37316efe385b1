// The GraphQL explorer's browser code (bundled by ../explorer.ts with esbuild): GraphiQL over this
// server's HTTP endpoint, and over graphql-ws on the same path for subscriptions. The token goes in
// the Headers tab; it is sent as a header over HTTP and as connection params over the WebSocket.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { getOperationAST, parse } from 'graphql';
import { createClient } from 'graphql-ws';

const endpoint = new URL('/graphql', window.location.href).href;

const DEFAULT_QUERY = `# Converge GraphQL explorer
#
# Sign in for a token (demo password: converge-demo):
#
#   mutation {
#     login(email: "manager@demo.converge.dev",
#           password: "converge-demo") { token }
#   }
#
# then enter it under Headers below:
#   { "Authorization": "Bearer <token>" }
# (an API key from createApiKey works the same way).

{
  me { name role }
}
`;

async function overHttp(params, headers) {
  const res = await fetch(endpoint, {
    method: 'POST',
    // A JSON body is never a "simple" request, so it passes the server's CSRF protection.
    headers: { accept: 'application/graphql-response+json, application/json', 'content-type': 'application/json', ...headers },
    body: JSON.stringify(params),
  });
  return res.json();
}

function overWebSocket(params, headers) {
  const client = createClient({ url: endpoint.replace(/^http/, 'ws'), connectionParams: headers, lazy: true, retryAttempts: 0 });
  return client.iterate(params);
}

function isSubscription(params) {
  try {
    return getOperationAST(parse(params.query), params.operationName ?? undefined)?.operation === 'subscription';
  } catch {
    return false; // the server reports the syntax error
  }
}

function fetcher(params, options = {}) {
  const headers = options.headers ?? {};
  return isSubscription(params) ? overWebSocket(params, headers) : overHttp(params, headers);
}

createRoot(document.getElementById('explorer')).render(
  createElement(GraphiQL, {
    fetcher,
    defaultQuery: DEFAULT_QUERY,
    defaultEditorToolsVisibility: 'headers',
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
  }),
);
