import { DomainError, RefusedError } from '../../src/domain';
import { consoleLogger, errorFields, redacted } from '../../src/logging/logger';

function capture(stream: NodeJS.WriteStream): { lines: () => Array<Record<string, unknown>>; restore: () => void } {
  const written: string[] = [];
  const spy = jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  return { lines: () => written.map((line) => JSON.parse(line)), restore: () => spy.mockRestore() };
}

describe('consoleLogger', () => {
  it('writes one JSON line per call, info to stdout and errors to stderr', () => {
    const out = capture(process.stdout);
    const err = capture(process.stderr);
    try {
      const logger = consoleLogger('info');
      logger.info('request', { method: 'GET', status: 200 });
      logger.error('Request failed', { route: '/api/roles' });
      expect(out.lines()).toEqual([{ time: expect.any(String), level: 'info', message: 'request', method: 'GET', status: 200 }]);
      expect(err.lines()).toEqual([{ time: expect.any(String), level: 'error', message: 'Request failed', route: '/api/roles' }]);
    } finally {
      out.restore();
      err.restore();
    }
  });

  it('drops lines below its level', () => {
    const out = capture(process.stdout);
    const err = capture(process.stderr);
    try {
      const logger = consoleLogger('warn');
      logger.info('request');
      logger.warn('Store unavailable');
      expect(out.lines()).toEqual([]);
      expect(err.lines().map((line) => line.message)).toEqual(['Store unavailable']);
    } finally {
      out.restore();
      err.restore();
    }
  });

  it('never lets a field overwrite the message, level or time', () => {
    const err = capture(process.stderr);
    try {
      consoleLogger().error('Bot turn failed', { message: 'overwritten', level: 'info', time: 'never' });
      expect(err.lines()[0]).toMatchObject({ level: 'error', message: 'Bot turn failed' });
      expect(err.lines()[0].time).not.toBe('never');
    } finally {
      err.restore();
    }
  });
});

describe('errorFields', () => {
  it("gives only a domain error's name and code, because its message can name a partner", () => {
    const refused: DomainError = new RefusedError('induction-incomplete', 'Samira Patel cannot become Active.');
    expect(errorFields(refused)).toEqual({ error: 'RefusedError', code: 'induction-incomplete' });
  });

  it("gives any other error's name, message and stack", () => {
    expect(errorFields(new TypeError('x is undefined'))).toEqual({
      error: 'TypeError',
      errorMessage: 'x is undefined',
      stack: expect.stringContaining('TypeError: x is undefined'),
    });
  });

  it('redacts what a message quotes from the values it was handling, in the message and the stack', () => {
    const fields = errorFields(new Error('SharePoint refused "Samira Patel" <samira.patel@example.org>, 07700 900123'));
    expect(fields.errorMessage).toBe('SharePoint refused [redacted] <[redacted]>, [redacted]');
    expect(fields.stack).toMatch(/^Error: SharePoint refused \[redacted\] <\[redacted\]>, \[redacted\]\n\s+at /);
  });
});

describe('redacted', () => {
  it.each([
    ["Cannot read properties of undefined (reading 'fullName')", 'Cannot read properties of undefined (reading [redacted])'],
    ['The value “Maya” is not valid for PPPFullName', 'The value [redacted] is not valid for PPPFullName'],
    ['Send to maya@example.org failed', 'Send to [redacted] failed'],
    ['Phone +44 (0)113 496 0000 refused', 'Phone [redacted] refused'],
    ['Authorization: Bearer abc.def.ghi was sent', 'Authorization: [redacted] was sent'],
    ['token eyJhbGciOiJSUzI1NiJ9.eyJvaWQiOiIxIn0.c2ln here', 'token [redacted] here'],
  ])('%s', (message, expected) => {
    expect(redacted(message)).toBe(expected);
  });

  it('keeps what comes from code: names, constraint names, file paths and line numbers', () => {
    const text = [
      'SqliteError: UNIQUE constraint failed: partners.key',
      '    at Store.commit (/srv/app/dist/store/sqlite/store.js:120:17)',
      '    at handleErrorResponse (/srv/app/node_modules/@azure/core-http/dist/index.js:255:17)',
    ].join('\n');
    expect(redacted(text)).toBe(text);
  });
});
