import { ApiError } from '../api.ts';

/** The file name the server gave, from Content-Disposition (RFC 5987 form first). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1]!.trim() : fallback;
}

/** Fetches a file from the API and hands it to the browser as a download. Returns its name. */
export async function download(url: string, fallbackName: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'the server cannot be reached. Check the connection and try again.');
  }
  if (!response.ok) {
    const payload = (await response.json().catch(() => ({}))) as { error?: { id: string; message: string } };
    throw new ApiError(response.status, payload.error?.id ?? 'unknown', payload.error?.message ?? `the server answered ${response.status}.`);
  }
  const name = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return name;
}
