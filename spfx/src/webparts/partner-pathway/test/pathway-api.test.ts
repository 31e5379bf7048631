import { PathwayProblem, pathwayApi, type Problem, type SignedInHttp } from '../pathway-api';

function answering(status: number, body: unknown, seen: string[] = []): SignedInHttp {
  return {
    get: async (url) => {
      seen.push(url);
      return { ok: status >= 200 && status < 300, status, json: async () => (body === undefined ? Promise.reject(new SyntaxError('not JSON')) : body) };
    },
  };
}

async function problemOf(http: SignedInHttp): Promise<Problem> {
  const error: unknown = await pathwayApi('https://pathway.example.org', http)
    .dashboard(7)
    .then(
      () => undefined,
      (rejected: unknown) => rejected,
    );
  if (!(error instanceof PathwayProblem)) throw new Error(`expected a PathwayProblem, got ${String(error)}`);
  return error.problem;
}

describe("the web part's calls to the app", () => {
  it("reads the person's workstreams and a dashboard under the app's /api", async () => {
    const seen: string[] = [];
    const api = pathwayApi('https://pathway.example.org/', answering(200, [], seen));
    await api.workstreams();
    await api.dashboard(7);
    expect(seen).toEqual(['https://pathway.example.org/api/workstreams', 'https://pathway.example.org/api/workstreams/7/dashboard']);
  });

  it.each<[string, SignedInHttp, Problem]>([
    ['no token could be had (permission not approved)', { get: () => Promise.reject(new Error('AADSTS65001: consent required')) }, { kind: 'not-approved' }],
    ['the app refused the token (401)', answering(401, { error: { code: 'not-signed-in', message: 'Your sign-in could not be checked.' } }), { kind: 'not-approved' }],
    ['the browser could not call the app', { get: () => Promise.reject(new TypeError('Failed to fetch')) }, { kind: 'unreachable' }],
    ['the app is not answering (503)', answering(503, { error: { code: 'unavailable', message: 'Try again.' } }), { kind: 'unreachable' }],
    ['the address answers something other than the app', answering(200, undefined), { kind: 'unreachable' }],
    ['the app refuses, in its own words', answering(403, { error: { code: 'no-access', message: 'You are not a member of this workstream.' } }), { kind: 'refused', message: 'You are not a member of this workstream.' }],
    ['the app refuses without a message', answering(404, undefined), { kind: 'refused', message: 'Partner Pathway refused the request (404).' }],
  ])('fails with a problem the web part can explain when %s', async (_case, http, problem) => {
    expect(await problemOf(http)).toEqual(problem);
  });
});
