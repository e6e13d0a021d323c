import { createServer } from 'node:net';

/** Asks the OS for a free TCP port on loopback (for throwaway servers in tests and benchmarks). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (typeof address !== 'object' || address === null) return reject(new Error('no port assigned'));
      server.close(() => resolve(address.port));
    });
  });
}
