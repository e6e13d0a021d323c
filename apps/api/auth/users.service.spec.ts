import type { DataSource } from 'typeorm';
import type { AuditService } from '../audit/audit.service.js';
import { UsersService } from './users.service.js';

describe('the first admin', () => {
  // No users yet, so the first start would create the admin; nothing else of the database is reached.
  const emptyDatabase = { getRepository: () => ({ count: async () => 0 }) } as unknown as DataSource;
  const users = new UsersService(emptyDatabase, {} as AuditService);

  it('is not created with an ADMIN_PASSWORD against the policy, and the error names the setting', async () => {
    await expect(users.ensureInitialAdmin('admin@example.com', 'password1234')).rejects.toThrow(
      'ADMIN_PASSWORD is refused by the password policy: password is one of the most common passwords: choose another.',
    );
  });
});
