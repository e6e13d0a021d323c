// ESM project: Jest runs under --experimental-vm-modules with swc (decorator metadata on, for NestJS and TypeORM).
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
        },
        module: { type: 'es6' },
      },
    ],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/**/*.spec.ts'],
  // The fault specs (servers stopped, workers killed) run after the rest, one at a time: jest.faults.config.js.
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.tools/', '/.data/', '/test/faults/'],
  globalSetup: '<rootDir>/test/global-setup.js',
  globalTeardown: '<rootDir>/test/global-teardown.js',
  maxWorkers: 2,
  testTimeout: 60000,
};
