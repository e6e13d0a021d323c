import { startTestSystem, type TestSystem } from '../support/test-system.js';

describe('GET /health', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system.stop());

  it('answers 200 with PostgreSQL and Temporal both up, without a token', async () => {
    const response = await fetch(`${system.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'up', temporal: 'up' });
  });

  it('answers 503 naming PostgreSQL when the database cannot be reached, and 200 again once it can', async () => {
    await system.dataSource.destroy();
    try {
      const response = await fetch(`${system.url}/health`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'degraded', database: 'down', temporal: 'up' });
    } finally {
      await system.dataSource.initialize();
    }
    expect((await fetch(`${system.url}/health`)).status).toBe(200);
  });
});
