import type { Dashboard, ErrorBody, Workstream } from './contract';

/** Why the web part cannot show the dashboard, in terms its person can act on. */
export type Problem =
  /** No token for the app: the administrator has not approved the API permission (or approved another). */
  | { readonly kind: 'not-approved' }
  /** The app did not answer: wrong address, the app down, or this site not allowed to call it (SHAREPOINT_WEB_ORIGIN). */
  | { readonly kind: 'unreachable' }
  /** The app answered with a refusal, in its own words. */
  | { readonly kind: 'refused'; readonly message: string };

/** A call to the app failed; {@link problem} says why. */
export class PathwayProblem extends Error {
  public constructor(public readonly problem: Problem) {
    super(`Partner Pathway call failed: ${problem.kind}`);
    // The build targets ES5, where a subclass of Error loses its prototype (and instanceof) without this.
    Object.setPrototypeOf(this, PathwayProblem.prototype);
    this.name = 'PathwayProblem';
  }
}

/** What the web part needs of an HTTP client that signs its calls in (AadHttpClient in SharePoint). */
export interface SignedInHttp {
  get(url: string): Promise<{ readonly ok: boolean; readonly status: number; json(): Promise<unknown> }>;
}

/** The app's API, as far as the web part reads it. */
export interface PathwayApi {
  /** The workstreams the person can see, in id order. */
  workstreams(): Promise<Workstream[]>;
  dashboard(workstreamId: number): Promise<Dashboard>;
}

/** Statuses meaning the app (or the proxy in front of it) is not answering for now. */
const UNAVAILABLE = [502, 503, 504];

function isErrorBody(body: unknown): body is ErrorBody {
  const error = (body as Partial<ErrorBody> | null)?.error;
  return typeof error?.message === 'string';
}

/**
 * The app at `appAddress` (such as https://pathway.example.org), called through `http`.
 * Every failure rejects with a {@link PathwayProblem}: a call that could not be made
 * (the browser's TypeError: no answer, or one this origin may not read) is
 * `unreachable`; any other failure to call is the token's, so `not-approved`, as is a
 * 401 from the app; 502 to 504, and a success that is not JSON, are `unreachable`; any other refusal carries the app's message.
 */
export function pathwayApi(appAddress: string, http: SignedInHttp): PathwayApi {
  const base = appAddress.replace(/\/+$/, '');
  async function read<T>(path: string): Promise<T> {
    let response: Awaited<ReturnType<SignedInHttp['get']>>;
    try {
      response = await http.get(`${base}/api${path}`);
    } catch (error) {
      throw new PathwayProblem(error instanceof TypeError ? { kind: 'unreachable' } : { kind: 'not-approved' });
    }
    // An answer that is not JSON comes from something other than the app: a wrong address.
    if (response.ok) return (await response.json().catch(() => Promise.reject(new PathwayProblem({ kind: 'unreachable' })))) as T;
    if (response.status === 401) throw new PathwayProblem({ kind: 'not-approved' });
    if (UNAVAILABLE.indexOf(response.status) >= 0) throw new PathwayProblem({ kind: 'unreachable' });
    const body: unknown = await response.json().catch(() => undefined);
    throw new PathwayProblem({
      kind: 'refused',
      message: isErrorBody(body) ? body.error.message : `Partner Pathway refused the request (${response.status}).`,
    });
  }
  return {
    workstreams: () => read<Workstream[]>('/workstreams'),
    dashboard: (workstreamId) => read<Dashboard>(`/workstreams/${encodeURIComponent(String(workstreamId))}/dashboard`),
  };
}
