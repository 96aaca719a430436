import { PasswordHashingBusyException } from './auth-errors';
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

describe('password hashing under a burst', () => {
  it('refuses at once what would queue beyond the cap, and serves again after', async () => {
    const stored = await hashPassword('Gizli-Parola-1');
    const started = Date.now();
    const results = await Promise.allSettled(Array.from({ length: 60 }, () => verifyPassword('yanlis', stored)));
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThan(60 - 32);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(PasswordHashingBusyException);
    expect(results.filter((r) => r.status === 'fulfilled').every((r) => (r as PromiseFulfilledResult<boolean>).value === false)).toBe(true);
    expect(Date.now() - started).toBeLessThan(20_000);
    await expect(verifyPassword('Gizli-Parola-1', stored)).resolves.toBe(true);
  });
});
