// jsdom has no ResizeObserver, which Fluent's MessageBar uses to reflow its actions; every browser SharePoint supports has one.
// Nothing is ever laid out under jsdom, so an observer that never reports is what a browser would do here.
class ResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = window.ResizeObserver || ResizeObserver;
// jsdom draws nothing: its canvas has no context (as a browser without one answers, null) rather than an error logged on
// every axe run, whose icon-ligature check asks for one.
HTMLCanvasElement.prototype.getContext = () => null;
require('@testing-library/jest-dom');
