export interface GqlResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  headers: Headers;
}

/** Sends one GraphQL operation over HTTP, as the holder of `token` (if any). */
export async function gql<T = any>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string | null,
  headers: Record<string, string> = {},
): Promise<GqlResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let body: { data?: T; errors?: GqlResponse['errors'] } = {};
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: text }] };
  }
  return { status: res.status, data: body.data ?? undefined, errors: body.errors, headers: res.headers };
}

/** A client acting as one user (session token or API key). */
export class Client {
  constructor(
    readonly url: string,
    readonly token: string | null,
    readonly user: { id: string; role: string; name: string; email: string },
  ) {}

  /** The same user against another server (instance) of the same database. */
  at(url: string): Client {
    return new Client(url, this.token, this.user);
  }

  request<T = any>(query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>> {
    return gql<T>(this.url, query, variables, this.token);
  }

  /** Runs an operation that must succeed and returns its data. */
  async ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const res = await this.request<T>(query, variables);
    if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data as T;
  }

  /** Runs an operation that must fail and returns the first error's code. */
  async code(query: string, variables?: Record<string, unknown>): Promise<string> {
    const res = await this.request(query, variables);
    if (!res.errors?.length) throw new Error(`Expected an error, got ${JSON.stringify(res.data)}`);
    return res.errors[0].extensions?.code;
  }
}

export function errorCodes(res: GqlResponse): string[] {
  return (res.errors ?? []).map((e) => e.extensions?.code);
}
