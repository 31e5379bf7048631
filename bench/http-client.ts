/** The code of the socket error under a failed `fetch` (undici puts it in `cause`), if there is one. */
function causeCode(error: unknown): string | undefined {
  const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * A kept-alive connection the server closed while this process was too busy to notice
 * (a benchmark's synchronous loop outlasting the server's keep-alive timeout, or the
 * server closing it as the request went out): the request went out on a dead socket,
 * and undici's `fetch` gives up with "fetch failed". Or a connection refused, which
 * never reached the server at all.
 */
const CLOSED_UNDER_US = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'ECONNREFUSED']);

/** Requests {@link resending} sent again on a fresh connection, since the process started. */
export const retried = { count: 0 };

/**
 * `fetch`, sent once more on a new connection when its kept-alive connection was
 * closed under it; any other failure, or a second one, is thrown. Only for a request
 * that is safe to receive twice: a GET (RFC 9112, section 9.3.1: a client may retry
 * an idempotent request on a new connection, as browsers do), or an activity posted to
 * a bot with its id, which the Bot Connector itself delivers again when it gets no
 * answer (the app knows the id and answers a second delivery with nothing, so it acts
 * once; the harness waits for the first answer either way). The time of a request sent
 * again includes the failed attempt; {@link retried} counts them for the figures' notes.
 */
export async function resending(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (!CLOSED_UNDER_US.has(causeCode(error) ?? '')) throw error;
    retried.count += 1;
    return fetch(url, init);
  }
}

/**
 * GETs `url` and reads its JSON body, without compression (the benchmarks compare the
 * app's answer with a floor's, byte for byte of JSON), through {@link resending}. A
 * status other than 200 throws, with the body.
 */
export async function getJson(url: string): Promise<unknown> {
  const response = await resending(url, { headers: { 'accept-encoding': 'identity' } });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return response.json() as Promise<unknown>;
}
