// jsdom has no ResizeObserver, which Fluent's MessageBar uses to reflow its actions; every browser SharePoint supports has one.
// Nothing is ever laid out under jsdom, so an observer that never reports is what a browser would do here.
class ResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = window.ResizeObserver || ResizeObserver;
require('@testing-library/jest-dom');
