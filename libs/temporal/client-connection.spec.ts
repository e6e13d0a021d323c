import { startOwnTemporal } from '../../test/support/own-temporal.js';
import { connectClient } from './client-connection.js';

const GRPC_UNAVAILABLE = 14;

describe('closing a Temporal client connection while the server is out of reach', () => {
  it('fails the calls still waiting to the caller instead of retrying them on the closed channel', async () => {
    const temporal = await startOwnTemporal();
    const connection = await connectClient({ address: temporal.address });
    await temporal.stop();

    // With no server the call waits for a connection; the close cancels it (UNAVAILABLE), which the SDK's own retry
    // interceptor would retry from a timer after the channel closed: "Channel has been shut down", uncaught.
    const waiting = connection.workflowService.getSystemInfo({});
    await connection.close();

    await expect(waiting).rejects.toMatchObject({ code: GRPC_UNAVAILABLE });
  });
});
