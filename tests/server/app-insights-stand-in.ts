import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';

/** One telemetry item as Application Insights' ingestion API receives it (`/v2.1/track`). */
export interface Envelope {
  readonly name: string;
  readonly data: { readonly baseType: string; readonly baseData: Record<string, unknown> };
}

export interface AppInsightsStandIn {
  /** What a server needs in APPLICATIONINSIGHTS_CONNECTION_STRING to send here. */
  readonly connectionString: string;
  /** A certificate file for NODE_EXTRA_CA_CERTS: the SDK sends over HTTPS only. */
  readonly caFile: string;
  /** Every envelope received, in order. */
  readonly received: Envelope[];
  /** The request bodies exactly as received (decompressed), for searching. */
  readonly bodies: string[];
  close(): Promise<void>;
}

/**
 * A local Application Insights ingestion endpoint speaking the protocol the Azure Monitor
 * exporter uses: gzipped JSON arrays of envelopes POSTed over HTTPS, answered with the
 * counts accepted. Its certificate is made with `openssl` into `folder`.
 */
export async function startAppInsightsStandIn(folder: string): Promise<AppInsightsStandIn> {
  const key = path.join(folder, 'ingestion-key.pem');
  const cert = path.join(folder, 'ingestion-cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    {
      stdio: 'ignore',
    },
  );
  const received: Envelope[] = [];
  const bodies: string[] = [];
  const server = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const text = (req.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(raw) : raw).toString('utf8');
      bodies.push(text);
      const envelopes = JSON.parse(text) as Envelope[];
      received.push(...envelopes);
      res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ itemsReceived: envelopes.length, itemsAccepted: envelopes.length, errors: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    connectionString: `InstrumentationKey=5b0d3c1e-8f2a-4c6d-9e7b-1a2b3c4d5e6f;IngestionEndpoint=https://127.0.0.1:${port}/`,
    caFile: cert,
    received,
    bodies,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
