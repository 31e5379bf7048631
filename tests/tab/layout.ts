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

/**
 * jsdom has no `matchMedia`, so the tab shows its wide layout. This answers the tab's
 * `max-width` queries (in rem, 16 px each) as a window `widthPx` wide would, until
 * the returned function puts jsdom back.
 */
export function windowWidth(widthPx: number): () => void {
  const matches = (query: string) => {
    const maxRem = /max-width:\s*([\d.]+)rem/.exec(query);
    return maxRem !== null && widthPx <= Number(maxRem[1]) * 16;
  };
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    writable: true,
    value: (query: string) => ({
      matches: matches(query),
      media: query,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    }),
  });
  return () => {
    delete (window as { matchMedia?: unknown }).matchMedia;
  };
}
