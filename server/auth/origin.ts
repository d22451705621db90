import type { IncomingMessage } from 'node:http';

/**
 * Whether a request was sent by one of this server's own pages (docs/SPEC.md
 * AUTH6). The session cookie travels with any request a browser sends here,
 * whichever site's page asked for it (SameSite=Lax still lets a page on
 * another port or subdomain of the same site send it, and some browsers let
 * a top-level POST through), so what the cookie authorises must also come
 * from here. "Here" is PUBLIC_URL's origin or the address the request was
 * sent to (its Host). Browsers send `Origin` with every POST, PUT, PATCH,
 * DELETE and websocket upgrade; without it, `Sec-Fetch-Site` says the same.
 * A request with neither is not from a browser, so no page can have forged
 * it: it passes. The relay calls this for the websocket upgrade too.
 */
export function isSameOrigin(request: IncomingMessage, publicUrl: string | null): boolean {
  const origin = single(request.headers.origin);
  if (origin !== undefined) return isOwnOrigin(origin, request.headers.host, publicUrl);
  const site = single(request.headers['sec-fetch-site']);
  // 'none' is the person's own doing (typed address, bookmark), never another page's.
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  return true;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

function isOwnOrigin(origin: string, host: string | undefined, publicUrl: string | null): boolean {
  // 'null' (a sandboxed frame, a file) and anything that is not a plain origin is nobody's.
  const from = plainOrigin(origin);
  if (from === null) return false;
  if (publicUrl !== null && plainOrigin(publicUrl)?.origin === from.origin) return true;
  if (host === undefined || host === '') return false;
  // The Host carries no scheme; read it with the page's, so that default ports compare equal.
  return plainOrigin(`${from.protocol}//${host}`)?.host === from.host;
}

function plainOrigin(value: string): URL | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  const plain = (url.protocol === 'http:' || url.protocol === 'https:') && url.pathname === '/' && url.search === '' && url.hash === '';
  return plain && url.username === '' && url.password === '' ? url : null;
}
