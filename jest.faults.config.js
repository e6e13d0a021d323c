import base from './jest.config.js';

// The fault matrix (test/faults): each spec stops a server, kills a worker or holds an outage for tens of seconds on
// the real stack, so they run one at a time after the rest of the suite, never beside timing-sensitive specs.
export default {
  ...base,
  testMatch: ['<rootDir>/test/faults/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.tools/', '/.data/'],
  maxWorkers: 1,
};
