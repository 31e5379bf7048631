import { createApiClient } from '../../../src/tab/api/client';
import { ApiError } from '../../../src/tab/api/parse';

function answer(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'application/json' } });
}

describe('createApiClient', () => {
  const signal = new AbortController().signal;
  let fetchMock: jest.SpyInstance;

  beforeEach(() => {
    fetchMock = jest.spyOn(globalThis, 'fetch');
  });

  afterEach(() => {
    fetchMock.mockRestore();
  });

  it('asks for one dashboard in one call, with the Teams token when there is one', async () => {
    fetchMock.mockResolvedValue(answer(200, JSON.stringify({ workstream: {}, roles: [], rows: [] })));
    const api = createApiClient(async () => 'sso-token');

    await api.dashboard(7, signal);

    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [path, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(path).toBe('/api/workstreams/7/dashboard');
    expect(init.headers).toMatchObject({ Authorization: 'Bearer sso-token' });
  });

  it('sends no Authorization header outside Teams', async () => {
    fetchMock.mockResolvedValue(answer(200, '[]'));
    await createApiClient(async () => null).workstreams(signal);
    const [, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(init.headers).not.toHaveProperty('Authorization');
  });

  it("fails with the server's own message", async () => {
    fetchMock.mockResolvedValue(
      answer(404, JSON.stringify({ error: { code: 'not-found', message: 'There is no workstream 7.' } })),
    );
    await expect(createApiClient(async () => null).dashboard(7, signal)).rejects.toMatchObject({
      code: 'not-found',
      message: 'There is no workstream 7.',
    });
  });

  it('says the server could not be reached when the request never arrives', async () => {
    fetchMock.mockRejectedValue(new TypeError('fetch failed'));
    const failure = createApiClient(async () => null).me(signal);
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ code: 'network', status: null });
  });

  it('refuses a page that is not JSON, such as the tab itself served in place of the API', async () => {
    fetchMock.mockResolvedValue(new Response('<!doctype html><title>Partner Pathway</title>', { status: 200 }));
    await expect(createApiClient(async () => null).workstreams(signal)).rejects.toMatchObject({
      code: 'unexpected-response',
    });
  });
});
