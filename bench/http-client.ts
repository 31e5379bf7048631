/** The code of the socket error under a failed `fetch` (undici puts it in `cause`), if there is one. */
function causeCode(error: unknown): string | undefined {
  const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * A kept-alive connection the server closed while this process was too busy to notice
 * (a benchmark's synchronous loop outlasting the server's keep-alive timeout): the
 * request went out on a dead socket, and undici's `fetch` gives up with "fetch failed".
 */
const CLOSED_UNDER_US = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);

/** Requests {@link getJson} sent again on a fresh connection, since the process started. */
export const retried = { count: 0 };

/**
 * GETs `url` and reads its JSON body, without compression (the benchmarks compare the
 * app's answer with a floor's, byte for byte of JSON). A GET that fails because its
 * kept-alive connection was closed under it is sent once more, as browsers do
 * (RFC 9112, section 9.3.1: a client may retry an idempotent request on a new
 * connection); any other failure, or a second one, is thrown. A status other than
 * 200 throws, with the body.
 */
export async function getJson(url: string): Promise<unknown> {
  const attempt = async () => {
    const response = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
    return response.json() as Promise<unknown>;
  };
  try {
    return await attempt();
  } catch (error) {
    if (!CLOSED_UNDER_US.has(causeCode(error) ?? '')) throw error;
    retried.count += 1;
    return attempt();
  }
}
