import type { INestApplication } from '@nestjs/common';
import { Client, type Connection } from '@temporalio/client';
import type { AppConfig } from '../../libs/config/app-config.js';
import { connectDatabase } from '../../libs/db/connect-database.js';
import { runMigrations } from '../../libs/db/run-migrations.js';
import { connectTemporal } from '../../libs/temporal/connect.js';
import { registerSearchAttributes } from '../../libs/temporal/register-search-attributes.js';
import { UsersService } from './auth/users.service.js';
import { createApiApp } from './create-api-app.js';
import { listenForInboundMail } from './email/inbound-mail.listener.js';

export interface ServeApiConfig extends AppConfig {
  databaseUrl: string;
  temporalAddress: string;
  jwtSecret: string;
}

export interface ServingApi {
  url: string;
  /** Set on the very first start: the generated admin credentials, to print once. */
  initialAdmin: { email: string; password: string } | null;
  close(): Promise<void>;
}

/** Connects (failing fast), migrates, makes sure an admin exists, and serves GraphQL and /health. */
export async function serveApi(config: ServeApiConfig): Promise<ServingApi> {
  const dataSource = await connectDatabase(config.databaseUrl);
  let app: INestApplication | undefined;
  let connection: Connection | undefined;
  try {
    await runMigrations(dataSource);
    connection = await connectTemporal(config.temporalAddress);
    await registerSearchAttributes(connection, config.temporalNamespace);
    const temporal = new Client({ connection, namespace: config.temporalNamespace });
    app = await createApiApp({ config, dataSource, temporal });
    const initialAdmin = await app.get(UsersService).ensureInitialAdmin(config.adminEmail, config.adminPassword);
    await app.listen(config.port, config.host);
    const inboundMail = await listenForInboundMail(app, config);
    const [running, temporalConnection] = [app, connection];
    return {
      url: `http://${config.host}:${config.port}`,
      initialAdmin,
      close: async () => {
        await inboundMail.close();
        await running.close();
        await temporalConnection.close();
        await dataSource.destroy();
      },
    };
  } catch (error) {
    await app?.close();
    await connection?.close();
    await dataSource.destroy();
    throw error;
  }
}
