/** @jest-environment jsdom */
import { renderHook } from '@testing-library/react';
import { useChangeKeys } from '../../../src/tab/shared/use-action';

describe('one idempotency key per press', () => {
  it('keeps the key when the same change is pressed again after it did not succeed', () => {
    const { result } = renderHook(() => useChangeKeys());
    const first = result.current.keyFor(['move', 31, { date: '2026-03-17' }]);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.current.keyFor(['move', 31, { date: '2026-03-17' }])).toBe(first);
  });

  it('gives a fresh key to a different change, and to the same one once it succeeded', () => {
    const { result } = renderHook(() => useChangeKeys());
    const first = result.current.keyFor(['move', 31, { date: '2026-03-17' }]);
    const other = result.current.keyFor(['move', 31, { date: '2026-03-18' }]);
    expect(other).not.toBe(first);
    result.current.succeeded();
    expect(result.current.keyFor(['move', 31, { date: '2026-03-18' }])).not.toBe(other);
  });
});
