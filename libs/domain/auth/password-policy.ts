// The password policy (README "Accounts"): every password a user is given is checked here, so the console, the API
// and the first start's ADMIN_PASSWORD all follow one rule.

export const PASSWORD_MIN_LENGTH = 12;
/** Long enough for any passphrase; the bound keeps one sign-in from costing unbounded scrypt work. */
export const PASSWORD_MAX_LENGTH = 200;

/** Passwords that lists of breached accounts put first (and help desk favourites), compared ignoring case and spaces. */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '123456789012', '1234567890123', 'qwertyuiopas', 'qwertyuiop123', '1q2w3e4r5t6y', 'password1234', 'password12345',
  'passwordpassword', 'iloveyou1234', 'welcome12345', 'letmein12345', 'administrator', 'administrator1',
  'changeme1234', 'helpdesk1234', 'helpdeskhelpdesk', 'supportsupport', 'support12345', 'abcdefghijkl',
  'abc123abc123', 'trustno1trustno1', 'football1234', 'baseball1234', 'sunshine1234', 'princess1234',
  'qazwsxedcrfv', '1qaz2wsx3edc', 'zaq12wsxcde3', 'monkeymonkey', 'dragondragon', 'masterpassword', 'superman1234',
]);

/** Why `password` is refused for the user with `email`, as a sentence about the `password` field; null when it passes. */
export function passwordPolicyViolation(password: string, email: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    return `password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long`;
  }
  const folded = password.toLowerCase().replace(/\s+/g, '');
  const address = email.trim().toLowerCase();
  const mailbox = address.slice(0, address.lastIndexOf('@'));
  if (folded.includes(address) || (mailbox.length >= 4 && folded.includes(mailbox))) {
    return 'password must not contain the email address or its name part';
  }
  if (COMMON_PASSWORDS.has(folded)) return 'password is one of the most common passwords: choose another';
  if (new Set(folded).size < 4) return 'password must use at least 4 different characters';
  return null;
}
