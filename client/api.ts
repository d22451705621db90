import { errorMessage } from '../shared/i18n/errorMessage.ts';
import { currentLanguage, t } from './i18n.ts';

/**
 * Calls to the REST API for this declaration, signed in by the session
 * cookie. A refusal comes back as an ApiError carrying the server's words,
 * in the interface language (I18N6).
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    /** What the server sent beside id and message to act on (e.g. the objections of `objection-stands`, POS4). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One call to the server, signed in by the session cookie. Answers the
 * response when it is a success; a network failure or a refusal becomes an
 * ApiError carrying the server's words.
 */
export async function request(url: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', ...init });
  } catch {
    throw new ApiError(0, 'network', t('error.network'));
  }
  if (!response.ok) {
    const payload = (await response.json().catch(() => ({}))) as { error?: { id: string; message: string } & Record<string, unknown> };
    const id = payload.error?.id ?? 'unknown';
    const details = { status: String(response.status), ...payload.error };
    // The words of the id in the interface language; the server's English only for an id this page does not know (I18N6).
    throw new ApiError(response.status, id, errorMessage(t, currentLanguage(), id, details, payload.error?.message ?? t('error.unknown', { status: String(response.status) })), payload.error ?? {});
  }
  return response;
}

/** A JSON route of a declaration: GET without a body, POST with one, unless `method` says otherwise. */
export async function api<T>(declarationId: string, path: string, body?: unknown, method?: Method): Promise<T> {
  const response = await request(`/api/declarations/${encodeURIComponent(declarationId)}${path}`, {
    method: method ?? (body === undefined ? 'GET' : 'POST'),
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await response.json().catch(() => ({}))) as T;
}
