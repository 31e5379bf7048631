/**
 * jsdom lays nothing out, so every element measures 0 and a virtualised list would
 * show nothing. This gives every element a viewport-sized client height and a
 * row-sized offset height for the tests in the calling file, as a browser would.
 */
export function withLayout({ viewportPx = 600, rowPx = 60 } = {}): void {
  const saved = {
    clientHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight'),
    offsetHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight'),
  };
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => viewportPx });
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => rowPx });
  });
  afterAll(() => {
    for (const [name, descriptor] of Object.entries(saved)) {
      if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
    }
  });
}
