import { loadConfig, trustProxySetting } from './app-config';

describe('loadConfig', () => {
  it('gives working defaults for a local machine', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.APP_ROLE).toBe('all');
    expect(config.DATABASE_URL).toMatch(/^postgres:\/\//);
    expect(config.SEED_DEMO_USERS).toBe(true);
  });

  it('converts numbers and booleans from strings', () => {
    const config = loadConfig({ PORT: '8080', SEED_DEMO_USERS: 'false', APP_ROLE: 'worker' });
    expect(config).toMatchObject({ PORT: 8080, SEED_DEMO_USERS: false, APP_ROLE: 'worker' });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ APP_ROLE: 'web' }, 'APP_ROLE'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
  ])('stops with a message naming the variable for %p', (env, name) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`${name}:`));
  });

  it('refuses development secrets and demo users in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: must be set in production/);
    const secrets = { JWT_SECRET: 'x'.repeat(40), PII_HASH_SECRET: 'y'.repeat(40), INTAKE_API_KEY: 'z'.repeat(20) };
    expect(() => loadConfig({ NODE_ENV: 'production', SEED_DEMO_USERS: 'true', ...secrets })).toThrow(/SEED_DEMO_USERS/);
    expect(loadConfig({ NODE_ENV: 'production', ...secrets }).SEED_DEMO_USERS).toBe(false);
  });

  it('believes X-Forwarded-For only from the proxies TRUST_PROXY names', () => {
    expect(trustProxySetting(loadConfig({}).TRUST_PROXY)).toBe(false);
    expect(trustProxySetting('true')).toBe(true);
    expect(trustProxySetting('2')).toBe(2);
    expect(trustProxySetting('loopback, 10.0.0.0/8,::1')).toEqual(['loopback', '10.0.0.0/8', '::1']);
    expect(trustProxySetting('yes')).toBeNull();
    expect(trustProxySetting('10.0.0.0/8/1')).toBeNull();
    expect(() => loadConfig({ TRUST_PROXY: 'nginx' })).toThrow(/TRUST_PROXY:/);
  });
});
