import { withTimeout } from '../../../src/tab/shared/with-timeout';

describe('withTimeout', () => {
  it('gives the answer when it comes in time', async () => {
    await expect(withTimeout(Promise.resolve('teams'), 50, 'standalone')).resolves.toBe('teams');
  });

  it('gives the fallback when no answer comes in time, so the tab never hangs', async () => {
    await expect(withTimeout(new Promise<string>(() => undefined), 10, 'standalone')).resolves.toBe('standalone');
  });

  it('passes a rejection through when it comes in time', async () => {
    await expect(withTimeout(Promise.reject(new Error('No Parent window found')), 50, 'late')).rejects.toThrow('No Parent window found');
  });
});
