import type { Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { connectClient } from './client-connection.js';

/** A client connection for the API; fails fast with the address when Temporal is unreachable at start. */
export async function connectTemporal(address: string): Promise<Connection> {
  try {
    const connection = await connectClient({ address, connectTimeout: '5 seconds' });
    await connection.workflowService.getSystemInfo({});
    return connection;
  } catch (error) {
    throw new Error(`Cannot reach Temporal at ${address}: ${(error as Error).message}`);
  }
}

/** The worker's connection; same fail-fast rule. Later outages are retried by the worker itself. */
export async function connectWorker(address: string): Promise<NativeConnection> {
  try {
    return await NativeConnection.connect({ address });
  } catch (error) {
    throw new Error(`Cannot reach Temporal at ${address}: ${(error as Error).message}`);
  }
}
