// Microsoft-internal modules that SharePoint supplies at run time and npm does not
// (@msinternal/*, @ms/*): under jest every export is a no-op, so every flight is off.
const noop = () => undefined;
module.exports = new Proxy(
  {},
  { get: (_target, name) => (name === '__esModule' || name === 'then' || typeof name === 'symbol' ? undefined : noop) }
);
