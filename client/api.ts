/**
 * Calls to the REST API for this declaration, signed in by the session
 * cookie. A refusal comes back as an ApiError carrying the server's words.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
  ) {
    super(message);
  }
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** GET without a body, POST with one, unless `method` says otherwise. */
export async function api<T>(declarationId: string, path: string, body?: unknown, method?: Method): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/declarations/${encodeURIComponent(declarationId)}${path}`, {
      method: method ?? (body === undefined ? 'GET' : 'POST'),
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'the server cannot be reached. Check the connection and try again.');
  }
  const payload = (await response.json().catch(() => ({}))) as { error?: { id: string; message: string } };
  if (!response.ok) throw new ApiError(response.status, payload.error?.id ?? 'unknown', payload.error?.message ?? `the server answered ${response.status}.`);
  return payload as T;
}
