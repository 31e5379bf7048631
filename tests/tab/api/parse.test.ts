import { ApiError, apiErrorFrom, isNoAccess } from '../../../src/tab/api/parse';

describe('apiErrorFrom', () => {
  it("shows the server's own message and code", () => {
    const error = apiErrorFrom(409, { error: { code: 'conflict', message: 'Someone else changed this role first.' } });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toBe('Someone else changed this role first.');
    expect(error.code).toBe('conflict');
    expect(error.status).toBe(409);
  });

  it('explains a refusal in plain words, with what to do, when the body has no message', () => {
    expect(apiErrorFrom(401, undefined).message).toBe('Your sign-in could not be checked. Close and reopen the tab.');
    expect(apiErrorFrom(403, '<html>Forbidden</html>').message).toBe(
      'You do not have access to this. Ask the Engagement team or a member of the workstream to add you.',
    );
  });

  it("keeps the server's sentence for a refusal of access, and knows it for one", () => {
    const message =
      'You are not a member of this workstream, so you cannot see or change its records. Ask the Engagement team or a member of the workstream to add you.';
    const error = apiErrorFrom(403, { error: { code: 'no-access', message } });
    expect(error.message).toBe(message);
    expect(isNoAccess(error)).toBe(true);
    expect(isNoAccess(apiErrorFrom(404, undefined))).toBe(false);
    expect(isNoAccess(new Error('x'))).toBe(false);
  });

  it("keeps the server's message for each field, by field name", () => {
    const error = apiErrorFrom(400, {
      error: { code: 'validation', message: 'Name is required.', fields: { userName: 'Name is required.', odd: 7 } },
    });
    expect(error.fields).toEqual({ userName: 'Name is required.' });
    expect(apiErrorFrom(409, { error: { code: 'conflict', message: 'Changed.' } }).fields).toEqual({});
  });

  it('names the status when a gateway answered with no usable body', () => {
    expect(apiErrorFrom(502, undefined).message).toBe('The server could not answer just now (HTTP 502).');
    expect(apiErrorFrom(500, { error: { code: 'x', message: '  ' } }).message).toContain('HTTP 500');
  });
});
