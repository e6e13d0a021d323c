import { readConfig, required } from '../../libs/config/app-config.js';
import { serveApi } from './serve-api.js';

// The API alone (containers, several replicas): every connection setting must be given. Plain console output: Nest's
// own logger is limited to warnings and errors.
const config = readConfig();
try {
  const api = await serveApi({
    ...config,
    databaseUrl: required(config.databaseUrl, 'DATABASE_URL'),
    temporalAddress: required(config.temporalAddress, 'TEMPORAL_ADDRESS'),
    jwtSecret: required(config.jwtSecret, 'JWT_SECRET'),
  });
  if (api.initialAdmin) {
    console.log(`Created the first admin ${api.initialAdmin.email} with password ${api.initialAdmin.password} (change it; shown once).`);
  }
  console.log(`GraphQL at ${api.url}/graphql, health at ${api.url}/health`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void api.close());
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
