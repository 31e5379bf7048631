/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { transform: { react: { runtime: 'automatic' } } } }],
  },
  // @pnp and jose ship only ES modules, which jest cannot load untransformed.
  transformIgnorePatterns: ['/node_modules/(?!(@pnp|jose)/)'],
};
