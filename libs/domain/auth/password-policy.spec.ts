import { passwordPolicyViolation } from './password-policy.js';

describe('the password policy', () => {
  const email = 'Ada.Lovelace@Example.com';

  it('accepts a passphrase of 12 to 200 characters', () => {
    expect(passwordPolicyViolation('correct horse battery', email)).toBeNull();
    expect(passwordPolicyViolation('x7#Kp2!qLm9Z', email)).toBeNull();
    expect(passwordPolicyViolation('abcd'.repeat(50), email)).toBeNull();
  });

  it('refuses fewer than 12 or more than 200 characters', () => {
    expect(passwordPolicyViolation('x7#Kp2!qLm9', email)).toBe('password must be 12 to 200 characters long');
    expect(passwordPolicyViolation('', email)).toBe('password must be 12 to 200 characters long');
    expect(passwordPolicyViolation('abcd'.repeat(50) + 'e', email)).toBe('password must be 12 to 200 characters long');
  });

  it('refuses the email address or its name part, in any case and with spaces', () => {
    expect(passwordPolicyViolation('ada.lovelace@example.com', email)).toMatch(/must not contain the email/);
    expect(passwordPolicyViolation('ADA.LOVELACE 2024!', email)).toMatch(/must not contain the email/);
    // A name part too short to guess from is no reason to refuse.
    expect(passwordPolicyViolation('bob says hello there', 'bob@example.com')).toBeNull();
  });

  it('refuses a common password whatever its case and spacing', () => {
    expect(passwordPolicyViolation('Password1234', email)).toMatch(/most common passwords/);
    expect(passwordPolicyViolation('help desk 1234', email)).toMatch(/most common passwords/);
  });

  it('refuses a password of fewer than 4 different characters', () => {
    expect(passwordPolicyViolation('aaaaaaaaaaaa', email)).toBe('password must use at least 4 different characters');
    expect(passwordPolicyViolation('abcabcabcabc', email)).toBe('password must use at least 4 different characters');
  });
});
