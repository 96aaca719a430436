import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('Gizli-Parola-1');
    expect(stored).not.toContain('Gizli');
    await expect(verifyPassword('Gizli-Parola-1', stored)).resolves.toBe(true);
    await expect(verifyPassword('gizli-parola-1', stored)).resolves.toBe(false);
  });

  it('salts each hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('refuses a malformed stored hash', async () => {
    await expect(verifyPassword('x', 'plain-text')).resolves.toBe(false);
  });
});
