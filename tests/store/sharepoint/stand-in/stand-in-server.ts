import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SpError, StandInSite, VERSION_ID_STEP, type StandInList } from './site';

/** One request as the stand-in saw it: on the wire, or as a part of a `$batch`. */
export interface SeenRequest {
  readonly method: string;
  /** The path and query after `/_api/`, decoded. */
  readonly path: string;
  /** The path and query as sent, percent-encoded: what a limit on URL length counts. */
  readonly target: string;
  readonly inBatch: boolean;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * A fault to inject. `times` requests (or batch parts, with `part`) that match get
 * the status instead of being processed; `reset` drops the connection instead of
 * answering, and `afterProcessing` does the work first, then drops it (a lost response).
 */
export interface Fault {
  readonly match: (request: SeenRequest) => boolean;
  times: number;
  readonly status?: number;
  /** Sent as the Retry-After header: seconds, or an HTTP date. */
  readonly retryAfter?: string;
  readonly part?: boolean;
  readonly reset?: boolean;
  readonly afterProcessing?: boolean;
}

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A body that is not JSON, sent as it is with its own content type. */
  html?: string;
}

const JSON_TYPE = 'application/json;odata=minimalmetadata;streaming=true;charset=utf-8';

/**
 * The longest path and query accepted, in characters as sent (percent-encoded).
 * SharePoint Online documents no figure; IIS and ASP.NET default to 2,048 characters
 * of query string, and refusals are reported from about 2,000 characters of URL.
 */
export const MAX_URL_LENGTH = 2048;

/** What the web server in front of SharePoint answers to an over-long URL: before SharePoint sees it, so HTML, not OData. */
const URL_TOO_LONG: Answer = {
  status: 414,
  html: '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN"><HTML><HEAD><TITLE>Request URL Too Long</TITLE></HEAD><BODY><h2>Request URL Too Long</h2><hr><p>HTTP Error 414. The request URL is too long.</p></BODY></HTML>',
};

function targetOf(url: string): string {
  const parsed = new URL(url, 'http://stand-in');
  return parsed.pathname + parsed.search;
}

function errorBody(error: SpError): unknown {
  return { 'odata.error': { code: error.code, message: { lang: 'en-US', value: error.message } } };
}

function answerText(answer: Answer): string {
  return answer.html ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
}

function answerType(answer: Answer): string {
  return answer.html === undefined ? JSON_TYPE : 'text/html; charset=us-ascii';
}

function unquote(text: string): string {
  return text.replaceAll("''", "'");
}

/**
 * A local stand-in for a SharePoint Online site's REST API (`/_api`, JSON with
 * minimal metadata): lists by title, fields (created from schema XML), views and
 * view fields, items with `$select`/`$filter`/`$orderby`/`$top` and paging by
 * `odata.nextLink`, `$batch` with changesets (not transactional, like SharePoint),
 * ETags with `If-Match` and 412, the list view threshold, item version history
 * (`items(id)/versions`, each earlier version deletable), the two stages of the
 * recycle bin (`web/RecycleBin`, `site/RecycleBin`, `DeleteByIds`,
 * `MoveToSecondStageByIds`), and injected faults (429/503 with Retry-After,
 * dropped connections) and the refusal of a URL longer than {@link MAX_URL_LENGTH}
 * (414), on the wire or as a part of a batch. It counts every request.
 */
export class SharePointStandIn {
  readonly sitePath = '/sites/pathway';
  readonly site = new StandInSite(this.sitePath);
  /** Every request on the wire, in order (a `$batch` counts once). */
  readonly requests: SeenRequest[] = [];
  /** Every operation processed, including each part of a batch. */
  readonly operations: SeenRequest[] = [];
  private readonly faults: Fault[] = [];
  private readonly server = http.createServer((req, res) => {
    this.handle(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  private base = '';

  /** Starts listening on a free local port. */
  static async start(): Promise<SharePointStandIn> {
    const standIn = new SharePointStandIn();
    await new Promise<void>((resolve) => standIn.server.listen(0, '127.0.0.1', resolve));
    standIn.base = `http://127.0.0.1:${(standIn.server.address() as AddressInfo).port}`;
    return standIn;
  }

  /** The site's absolute URL. */
  get siteUrl(): string {
    return `${this.base}${this.sitePath}`;
  }

  /** Adds a fault; it applies to the next `times` matching requests. */
  inject(fault: Fault): void {
    this.faults.push(fault);
  }

  /** Removes every fault not used up yet. */
  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Forgets the requests counted so far. */
  resetCounts(): void {
    this.requests.length = 0;
    this.operations.length = 0;
  }

  list(title: string): StandInList {
    return this.site.list(title);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private takeFault(request: SeenRequest, part: boolean): Fault | undefined {
    const fault = this.faults.find((candidate) => candidate.times > 0 && (candidate.part === true) === part && candidate.match(request));
    if (fault) fault.times -= 1;
    return fault;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) headers[name.toLowerCase()] = String(value);
    const method = (headers['x-http-method'] ?? req.method ?? 'GET').toUpperCase();
    const seen: SeenRequest = { method, path: this.apiPath(req.url ?? ''), target: targetOf(req.url ?? ''), inBatch: false, headers };
    this.requests.push(seen);
    const fault = this.takeFault(seen, false);
    if (fault?.reset && !fault.afterProcessing) {
      req.socket.destroy();
      return;
    }
    if (fault && !fault.afterProcessing) {
      this.send(res, {
        status: fault.status ?? 503,
        body: errorBody(new SpError(fault.status ?? 503, '-1', 'The server is busy.')),
        headers: fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {},
      });
      return;
    }
    const answer =
      seen.target.length > MAX_URL_LENGTH
        ? URL_TOO_LONG
        : seen.path.startsWith('$batch')
          ? this.batch(headers['content-type'] ?? '', body)
          : this.answer(method, req.url ?? '', headers, body, false);
    if (fault?.afterProcessing) {
      req.socket.destroy();
      return;
    }
    if ('text' in answer) {
      res.writeHead(200, { 'Content-Type': answer.type });
      res.end(answer.text);
      return;
    }
    this.send(res, answer);
  }

  private send(res: http.ServerResponse, answer: Answer): void {
    const text = answerText(answer);
    res.writeHead(answer.status, { ...(text ? { 'Content-Type': answerType(answer) } : {}), ...answer.headers });
    res.end(text);
  }

  private apiPath(url: string): string {
    const parsed = new URL(url, 'http://stand-in');
    const prefix = `${this.sitePath}/_api/`;
    const path = decodeURIComponent(parsed.pathname);
    const search = decodeURIComponent(parsed.search.replaceAll('+', ' '));
    return path.toLowerCase().startsWith(prefix.toLowerCase()) ? path.slice(prefix.length) + search : path;
  }

  private answer(method: string, url: string, headers: Record<string, string>, body: string, inBatch: boolean): Answer {
    const seen: SeenRequest = { method, path: this.apiPath(url), target: targetOf(url), inBatch, headers };
    this.operations.push(seen);
    if (inBatch && seen.target.length > MAX_URL_LENGTH) return URL_TOO_LONG;
    if (inBatch) {
      const fault = this.takeFault(seen, true);
      if (fault) {
        return {
          status: fault.status ?? 429,
          body: errorBody(new SpError(fault.status ?? 429, '-1', 'Too many requests.')),
          headers: fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {},
        };
      }
    }
    try {
      const parsed = new URL(url, 'http://stand-in');
      const prefix = `${this.sitePath}/_api/`.toLowerCase();
      const path = decodeURIComponent(parsed.pathname);
      if (!path.toLowerCase().startsWith(prefix)) throw new SpError(404, '-1', 'Not found.');
      const json = body.trim() ? (JSON.parse(body) as Record<string, unknown>) : {};
      return this.route(method, path.slice(prefix.length), parsed.searchParams, headers, json);
    } catch (error) {
      if (error instanceof SpError) return { status: error.status, body: errorBody(error) };
      if (error instanceof SyntaxError) return { status: 400, body: errorBody(new SpError(400, '-1', 'The body is not JSON.')) };
      throw error;
    }
  }

  private route(
    method: string,
    path: string,
    query: URLSearchParams,
    headers: Record<string, string>,
    body: Record<string, unknown>,
  ): Answer {
    const ifMatch = headers['if-match'];
    if (/^web\/?$/i.test(path)) return { status: 200, body: { Title: this.site.title, Url: this.siteUrl } };
    const recycleBin = /^(web|site)\/recyclebin(?:\/(\w+))?$/i.exec(path);
    if (recycleBin)
      return this.recycleBin(method, recycleBin[1].toLowerCase() as 'web' | 'site', recycleBin[2]?.toLowerCase(), query, body);
    if (/^web\/lists\/?$/i.test(path)) {
      if (method === 'POST') return { status: 201, body: this.listJson(this.site.addList(body)) };
      return { status: 200, body: { value: this.site.lists.map((list) => this.listJson(list)) } };
    }
    const byTitle = /^web\/lists\/getbytitle\('((?:[^']|'')*)'\)(.*)$/i.exec(path);
    if (!byTitle) throw new SpError(404, '-1', `No route for ${path}.`);
    const list = this.site.list(unquote(byTitle[1]));
    const rest = byTitle[2].replace(/^\//, '');
    if (rest === '') {
      if (method === 'MERGE') {
        this.site.updateList(list, body);
        return { status: 204 };
      }
      const json = this.listJson(list);
      if (/\bRootFolder\b/i.test(query.get('$expand') ?? '')) json.RootFolder = { ServerRelativeUrl: list.ServerRelativeUrl };
      return { status: 200, body: json };
    }
    // SP.SecurableObject's two methods, POST only, as SharePoint takes them: the list's own permissions, or the site's again.
    if (method === 'POST' && /^breakroleinheritance\(copyroleassignments=(true|false),\s*clearsubscopes=(true|false)\)$/i.test(rest)) {
      list.HasUniqueRoleAssignments = true;
      return { status: 200, body: {} };
    }
    if (method === 'POST' && /^resetroleinheritance$/i.test(rest)) {
      list.HasUniqueRoleAssignments = false;
      return { status: 200, body: {} };
    }
    if (/^items$/i.test(rest)) {
      if (method === 'POST') {
        const item = this.site.addItem(list, body);
        return { status: 201, body: item, headers: { ETag: String(item['odata.etag']) } };
      }
      const page = this.site.queryItems(list, {
        select: query.get('$select') ?? undefined,
        expand: query.get('$expand') ?? undefined,
        filter: query.get('$filter') ?? undefined,
        orderby: query.get('$orderby') ?? undefined,
        top: query.get('$top') ?? undefined,
        skiptoken: query.get('$skiptoken') ?? undefined,
      });
      const result: Record<string, unknown> = { value: page.items };
      if (page.next !== undefined) {
        const next = new URLSearchParams(query);
        next.set('$skiptoken', `Paged=TRUE&PagedOffset=${page.next}`);
        result['odata.nextLink'] =
          `${this.siteUrl}/_api/web/lists/getbytitle('${encodeURIComponent(list.Title.replaceAll("'", "''"))}')/items?${next.toString()}`;
      }
      return { status: 200, body: result };
    }
    const versions = /^items\((\d+)\)\/versions(?:\((\d+)\))?$/i.exec(rest);
    if (versions)
      return this.versions(method, list, Number(versions[1]), versions[2] === undefined ? undefined : Number(versions[2]), query);
    const itemById = /^items\((\d+)\)$/i.exec(rest);
    if (itemById) {
      const id = Number(itemById[1]);
      if (method === 'MERGE') {
        const etag = this.site.updateItem(list, id, body, ifMatch);
        return { status: 204, headers: { ETag: etag } };
      }
      if (method === 'DELETE') {
        this.site.deleteItem(list, id, ifMatch);
        return { status: 200 };
      }
      const select = query
        .get('$select')
        ?.split(',')
        .map((name) => name.trim());
      const item = this.site.item(list, id);
      return { status: 200, body: this.site.render(list, item, select), headers: { ETag: `"${item.version}"` } };
    }
    if (/^fields$/i.test(rest)) return { status: 200, body: { value: this.site.fieldsJson(list, query.get('$select') ?? undefined) } };
    if (/^fields\/createfieldasxml$/i.test(rest)) {
      const parameters = body.parameters as { SchemaXml?: string } | undefined;
      return { status: 201, body: this.site.addFieldFromXml(list, String(parameters?.SchemaXml ?? '')) };
    }
    const fieldByName = /^fields\/getbyinternalnameortitle\('((?:[^']|'')*)'\)$/i.exec(rest);
    if (fieldByName) {
      const field = this.site.field(list, unquote(fieldByName[1]));
      if (method === 'MERGE') {
        this.site.updateField(list, field, body);
        return { status: 204 };
      }
      return { status: 200, body: field };
    }
    if (/^views$/i.test(rest)) {
      if (method === 'POST') return { status: 201, body: this.site.addView(list, body) };
      return {
        status: 200,
        body: {
          value: list.views.map(({ Id, Title, ViewQuery, RowLimit, PersonalView }) => ({ Id, Title, ViewQuery, RowLimit, PersonalView })),
        },
      };
    }
    const viewByTitle = /^views\/getbytitle\('((?:[^']|'')*)'\)(.*)$/i.exec(rest);
    if (viewByTitle) {
      const view = this.site.view(list, unquote(viewByTitle[1]));
      const viewRest = viewByTitle[2].replace(/^\//, '').toLowerCase();
      if (viewRest === '') {
        if (method === 'MERGE') {
          if (typeof body.ViewQuery === 'string') view.ViewQuery = body.ViewQuery;
          if (typeof body.RowLimit === 'number') view.RowLimit = body.RowLimit;
          return { status: 204 };
        }
        return {
          status: 200,
          body: { Id: view.Id, Title: view.Title, ViewQuery: view.ViewQuery, RowLimit: view.RowLimit, PersonalView: view.PersonalView },
        };
      }
      if (viewRest === 'viewfields') return { status: 200, body: { Items: view.ViewFields, SchemaXml: '' } };
      if (viewRest === 'viewfields/removeallviewfields') {
        view.ViewFields = [];
        return { status: 200, body: {} };
      }
      const add = /^viewfields\/addviewfield\('((?:[^']|'')*)'\)$/i.exec(viewByTitle[2].replace(/^\//, ''));
      if (add) {
        view.ViewFields.push(this.site.field(list, unquote(add[1])).InternalName);
        return { status: 200, body: {} };
      }
    }
    throw new SpError(404, '-1', `No route for ${path}.`);
  }

  private listJson(list: StandInList): Record<string, unknown> {
    const { Id, Title, Description, BaseTemplate, EnableVersioning, MajorVersionLimit, HasUniqueRoleAssignments } = list;
    return {
      Id,
      Title,
      Description,
      BaseTemplate,
      ItemCount: list.items.size,
      EnableVersioning,
      MajorVersionLimit,
      HasUniqueRoleAssignments,
    };
  }

  /** `items(id)/versions` (the current version first) and `items(id)/versions(versionId)`, which an earlier version can be deleted from. */
  private versions(method: string, list: StandInList, id: number, versionId: number | undefined, query: URLSearchParams): Answer {
    if (versionId !== undefined && method === 'DELETE') {
      this.site.deleteVersion(list, id, versionId);
      return { status: 200 };
    }
    const select = query
      .get('$select')
      ?.split(',')
      .map((name) => name.trim());
    const rows = this.site
      .versions(list, id)
      .filter(({ version }) => versionId === undefined || version * VERSION_ID_STEP === versionId)
      .map(({ version, values, current }) => {
        const row: Record<string, unknown> = {
          ...values,
          VersionId: version * VERSION_ID_STEP,
          VersionLabel: `${version}.0`,
          IsCurrentVersion: current,
        };
        const out: Record<string, unknown> = { 'odata.type': 'SP.ListItemVersion' };
        for (const [name, value] of Object.entries(row)) if (!select || select.includes(name)) out[name] = value;
        return out;
      });
    if (versionId === undefined) return { status: 200, body: { value: rows } };
    if (rows.length === 0) throw new SpError(404, '-2130575338, System.ArgumentException', 'The version does not exist.');
    return { status: 200, body: rows[0] };
  }

  /** The site's first-stage recycle bin (`web`) or the site collection's, both stages (`site`), and deletes from them by id. */
  private recycleBin(
    method: string,
    bin: 'web' | 'site',
    action: string | undefined,
    query: URLSearchParams,
    body: Record<string, unknown>,
  ): Answer {
    const ids = Array.isArray(body.ids) ? body.ids.map(String) : [];
    if (method === 'GET' && action === undefined) {
      const stages = bin === 'web' ? [1] : [1, 2];
      return {
        status: 200,
        body: { value: this.site.recycleBinEntries(stages, query.get('$filter') ?? undefined, query.get('$select') ?? undefined) },
      };
    }
    if (method === 'POST' && action === 'deletebyids') {
      this.site.deleteFromRecycleBin(ids, bin);
      return { status: 200, body: { 'odata.null': true } };
    }
    if (method === 'POST' && action === 'movetosecondstagebyids' && bin === 'web') {
      this.site.moveToSecondStage(ids);
      return { status: 200, body: { 'odata.null': true } };
    }
    throw new SpError(404, '-1', `No route for ${bin}/RecycleBin/${action ?? ''}.`);
  }

  /** Answers a multipart/mixed `$batch`, part by part, flattening changesets as SharePoint does. */
  private batch(contentType: string, body: string): { text: string; type: string } {
    const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
    if (!boundary) return { text: '', type: 'text/plain' };
    const parts: string[] = [];
    const collect = (text: string, marker: string) => {
      for (const chunk of text.split(`--${marker}`)) {
        const trimmed = chunk.replace(/^\r?\n/, '');
        if (trimmed.trim() === '' || trimmed.startsWith('--')) continue;
        const nested = /^Content-Type:\s*multipart\/mixed;\s*boundary="?([^"\r\n;]+)"?/i.exec(trimmed);
        if (nested) collect(trimmed.slice(nested[0].length), nested[1]);
        else parts.push(trimmed);
      }
    };
    collect(body, boundary);
    const responseBoundary = `batchresponse_${Math.random().toString(16).slice(2)}`;
    const out: string[] = [];
    for (const part of parts) {
      const blank = part.search(/\r?\n\r?\n/);
      const request = blank < 0 ? '' : part.slice(blank).replace(/^\r?\n\r?\n/, '');
      const lines = request.split(/\r?\n/);
      const [method, url] = lines[0].split(' ');
      const headers: Record<string, string> = {};
      let index = 1;
      for (; index < lines.length && lines[index].trim() !== ''; index += 1) {
        const colon = lines[index].indexOf(':');
        headers[lines[index].slice(0, colon).trim().toLowerCase()] = lines[index].slice(colon + 1).trim();
      }
      const partBody = lines
        .slice(index + 1)
        .join('\n')
        .trim();
      const answer = this.answer(method.toUpperCase(), url, headers, partBody, true);
      out.push(`--${responseBoundary}`);
      out.push('Content-Type: application/http');
      out.push('Content-Transfer-Encoding: binary');
      out.push('');
      out.push(`HTTP/1.1 ${answer.status} ${http.STATUS_CODES[answer.status] ?? ''}`);
      out.push(`CONTENT-TYPE: ${answerType(answer)}`);
      for (const [name, value] of Object.entries(answer.headers ?? {})) out.push(`${name}: ${value}`);
      out.push('');
      out.push(answerText(answer));
    }
    out.push(`--${responseBoundary}--`);
    out.push('');
    return { text: out.join('\r\n'), type: `multipart/mixed; boundary=${responseBoundary}` };
  }
}
