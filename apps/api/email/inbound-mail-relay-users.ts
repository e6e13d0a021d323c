import { hashPassword, verifyPassword } from '../auth/password-hasher.js';

/**
 * Checks the relay's AUTH against INBOUND_SMTP_USERS (hashes as hashPassword writes them). An unknown user name costs
 * the same scrypt work as a wrong password, so the timing does not tell which one was wrong.
 */
export function relayUserAuthenticator(users: Record<string, string>): (username: string, password: string) => Promise<boolean> {
  const decoyHash = hashPassword('no relay user has this password');
  return async (username, password) => {
    const hash = Object.hasOwn(users, username) ? users[username] : await decoyHash;
    const valid = await verifyPassword(password, hash);
    return valid && Object.hasOwn(users, username);
  };
}
