import { ClientRequest, type IncomingMessage, type RequestOptions, type ServerResponse } from 'node:http';
import type { Span } from '@opentelemetry/api';
import { logs, SeverityNumber, type AnyValueMap } from '@opentelemetry/api-logs';
import type { Response } from 'express';
import type { TelemetrySettings } from '../config';
import type { LogFields, Logger } from '../logging/logger';
import { REQUEST_LINE, routeOf } from './request-log';

/** Application Insights, receiving the server's requests, its calls to other services and its log lines. */
export interface Telemetry {
  /** Sends log lines as traces. Per-request lines are left out: each request is already request telemetry. */
  readonly logger: Logger;
  /** Sends what is still buffered and stops; rejects, dropping the rest, if that takes over {@link FLUSH_LIMIT_MS}. */
  shutdown(): Promise<void>;
}

/** How long shutdown waits for buffered telemetry to be sent: an unreachable endpoint must not hold up a restart. */
export const FLUSH_LIMIT_MS = 5_000;

/** Liveness and readiness probes arrive every minute from every instance and say nothing the health check does not. */
const PROBES = new Set(['/healthz', '/readyz']);

/** Azure's instance metadata service, which the SDK itself asks at start which Azure machine it runs on. */
const AZURE_METADATA_HOST = '169.254.169.254';

const SEVERITY = {
  info: { severityNumber: SeverityNumber.INFO, severityText: 'INFO' },
  warn: { severityNumber: SeverityNumber.WARN, severityText: 'WARN' },
  error: { severityNumber: SeverityNumber.ERROR, severityText: 'ERROR' },
} as const;

function pathOf(url: string | undefined): string {
  return (url ?? '/').split('?')[0];
}

/**
 * Both generations of OpenTelemetry's HTTP attribute names, so the address recorded
 * is `origin` + `path` whichever the SDK was told to use.
 */
function recordAddress(span: Span, origin: string, path: string): void {
  span.setAttributes({
    'http.target': path,
    'http.url': `${origin}${path}`,
    'url.path': path,
    'url.full': `${origin}${path}`,
    'url.query': '',
  });
}

/**
 * Called as each HTTP span ends. A request to this server is named by its route
 * pattern (`GET /api/involvements/:involvementId`), as the request log names it: raw
 * paths carry record ids and query strings can carry anything. A call to another
 * service (Teams, SharePoint, Entra, Storage) keeps its host and path without the query.
 */
function withoutPersonalData(span: Span, request: IncomingMessage | ClientRequest, response: IncomingMessage | ServerResponse): void {
  if (request instanceof ClientRequest) {
    recordAddress(span, `${request.protocol}//${String(request.getHeader('host') ?? request.host)}`, pathOf(request.path));
    return;
  }
  const route = routeOf(response as Response);
  const scheme = request.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
  span.updateName(`${request.method ?? 'GET'} ${route}`);
  span.setAttribute('http.route', route);
  recordAddress(span, `${scheme}://${request.headers.host ?? 'localhost'}`, route);
}

function attributesOf(fields: LogFields): AnyValueMap {
  const attributes: AnyValueMap = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined && value !== null) attributes[name] = value;
  }
  return attributes;
}

/**
 * Starts Azure Monitor's OpenTelemetry distribution: HTTP requests in and out,
 * standard metrics and log lines, with no request or response bodies, headers,
 * query strings or raw paths. Call it before the HTTP modules are first loaded
 * (`instrument.ts`), or their calls go unseen. Sampling is the distribution's
 * default (at most 5 traces a second); log lines are all kept, sampled or not.
 */
export function startTelemetry(settings: TelemetrySettings): Telemetry {
  // Loaded only when configured: the distribution adds about 0.35 s and 58 MB to a start that does not use it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous load, only when configured
  const monitor: typeof import('@azure/monitor-opentelemetry') = require('@azure/monitor-opentelemetry');
  monitor.useAzureMonitor({
    azureMonitorExporterOptions: { connectionString: settings.connectionString },
    enableLiveMetrics: false,
    enableTraceBasedSamplingForLogs: false,
    instrumentationOptions: {
      http: {
        enabled: true,
        ignoreIncomingRequestHook: (request: IncomingMessage) => PROBES.has(pathOf(request.url)),
        ignoreOutgoingRequestHook: (options: RequestOptions) =>
          options.hostname === AZURE_METADATA_HOST || options.host === AZURE_METADATA_HOST,
        applyCustomAttributesOnSpan: withoutPersonalData,
      } as object,
      azureSdk: { enabled: false },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
      bunyan: { enabled: false },
      winston: { enabled: false },
    },
  });
  const traces = logs.getLogger('partner-pathway');
  const emit =
    (level: keyof typeof SEVERITY) =>
    (message: string, fields: LogFields = {}) => {
      if (message === REQUEST_LINE) return;
      traces.emit({ ...SEVERITY[level], body: message, attributes: attributesOf(fields) });
    };
  return {
    logger: { info: emit('info'), warn: emit('warn'), error: emit('error') },
    shutdown: () => {
      let timer: NodeJS.Timeout | undefined;
      const limit = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`Telemetry was not sent within ${FLUSH_LIMIT_MS / 1000} s`)), FLUSH_LIMIT_MS);
      });
      return Promise.race([monitor.shutdownAzureMonitor(), limit]).finally(() => clearTimeout(timer));
    },
  };
}

/** Writes each line to `logger` and, when telemetry is on, to `telemetryLogger` too. */
export function withTelemetry(logger: Logger, telemetryLogger: Logger | undefined): Logger {
  if (!telemetryLogger) return logger;
  const both =
    (level: keyof Logger) =>
    (message: string, fields?: LogFields): void => {
      logger[level](message, fields);
      telemetryLogger[level](message, fields);
    };
  return { info: both('info'), warn: both('warn'), error: both('error') };
}
