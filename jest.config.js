/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // Tests wait for what they need instead of racing the clock. This limit only stops a
  // test that never ends, and leaves room for a busy machine (two full runs at once on two cores).
  testTimeout: 300_000,
  roots: ['<rootDir>/tests'],
  // The SharePoint web part has its own install, React and jest (npm run test:spfx); only its plain TypeScript is read from here.
  modulePathIgnorePatterns: ['<rootDir>/spfx/(node_modules|node22|lib|lib-commonjs|lib-dts|dist|temp|release|sharepoint)/'],
  setupFilesAfterEnv: ['<rootDir>/tests/jest-dom.ts'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { transform: { react: { runtime: 'automatic' } } } }],
  },
  // @pnp and jose ship only ES modules, which jest cannot load untransformed.
  transformIgnorePatterns: ['/node_modules/(?!(@pnp|jose)/)'],
};
