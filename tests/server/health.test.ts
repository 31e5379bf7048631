import express from 'express';
import request from 'supertest';
import type { KeyValueState } from '../../src/domain/key-value-state';
import { checkReadiness, readinessHandler, type ReadinessChecks } from '../../src/server/health';
import { openSqliteState } from '../../src/store/sqlite/sqlite-state';
import { testApp } from './support';

const healthyStore = async () => ({ ok: true, kind: 'sharepoint', detail: 'https://contoso.sharepoint.com/sites/pathway' });
const states: KeyValueState[] = [];
function sqliteState(): KeyValueState {
  const state = openSqliteState({ path: ':memory:' });
  states.push(state);
  return state;
}
afterEach(() => Promise.all(states.splice(0).map((state) => state.close())));

function readyz(checks: ReadinessChecks) {
  return request(
    express().get(
      '/readyz',
      readinessHandler(() => checkReadiness(checks)),
    ),
  ).get('/readyz');
}

describe('GET /readyz', () => {
  it('answers 200 "ready" with the store alone when the app is given no bot state, and is never cached', async () => {
    const { app, store } = testApp();
    const response = await request(app).get('/readyz').expect(200);
    expect(response.body).toEqual({ status: 'ready', store: { kind: 'sqlite', ok: true } });
    expect(response.headers['cache-control']).toBe('no-store');
    await store.close();
  });

  it('answers 200 "ready" when the store and the bot state both answer, naming only their kinds', async () => {
    const response = await readyz({ store: healthyStore, botState: { kind: 'sqlite', state: sqliteState() } }).expect(200);
    expect(response.body).toEqual({ status: 'ready', store: { kind: 'sharepoint', ok: true }, botState: { kind: 'sqlite', ok: true } });
  });

  it('answers 503 "not-ready" with the store\'s own reason when the store is unhealthy', async () => {
    const store = async () => ({ ok: false, kind: 'sharepoint', detail: 'https://contoso.sharepoint.com/sites/pathway: HTTP 503' });
    const response = await readyz({ store, botState: { kind: 'sqlite', state: sqliteState() } }).expect(503);
    expect(response.body).toEqual({
      status: 'not-ready',
      store: { kind: 'sharepoint', ok: false, reason: 'https://contoso.sharepoint.com/sites/pathway: HTTP 503' },
      botState: { kind: 'sqlite', ok: true },
    });
  });

  it('answers 503 "not reachable" when the bot state fails, without the failure\'s own message', async () => {
    const failing: KeyValueState = {
      ...sqliteState(),
      read: async () => {
        throw new Error('getaddrinfo ENOTFOUND pathwaystate.blob.core.windows.net AccountKey=c2VjcmV0');
      },
    };
    const response = await readyz({ store: healthyStore, botState: { kind: 'blob', state: failing } }).expect(503);
    expect(response.body.botState).toEqual({ kind: 'blob', ok: false, reason: 'not reachable' });
    expect(response.text).not.toMatch(/ENOTFOUND|AccountKey|windows\.net/);
  });

  it('answers 503 "not reachable" for a bot state already closed (as during shutdown)', async () => {
    const state = sqliteState();
    await state.close();
    const response = await readyz({ store: healthyStore, botState: { kind: 'sqlite', state } }).expect(503);
    expect(response.body.botState).toEqual({ kind: 'sqlite', ok: false, reason: 'not reachable' });
  });

  it('answers 503 within the timeout when a dependency hangs, rather than keeping the probe waiting', async () => {
    const hanging = () => new Promise<never>(() => undefined);
    // The dependencies never answer, so an answer at all, saying so, means the timeout did it.
    const response = await readyz({
      store: hanging,
      botState: { kind: 'blob', state: { ...sqliteState(), read: hanging } },
      timeoutMs: 100,
    }).expect(503);
    expect(response.body).toEqual({
      status: 'not-ready',
      store: { kind: 'store', ok: false, reason: 'no answer within 0.1 s' },
      botState: { kind: 'blob', ok: false, reason: 'no answer within 0.1 s' },
    });
  });
});
