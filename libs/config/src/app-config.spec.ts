import { loadConfig, trustProxySetting } from './app-config';

describe('loadConfig', () => {
  it('gives working defaults for a local machine', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.APP_ROLE).toBe('all');
    expect(config.DATABASE_URL).toMatch(/^postgres:\/\//);
    expect(config.SEED_DEMO_USERS).toBe(true);
    expect(config.WORKING_HOURS).toBe('08:30-12:30,13:30-17:30');
    expect(config).toMatchObject({ VOICE_OPEN_HOURS: 'Mon-Fri 08:30-17:30', VOICE_HOLIDAYS: 'closed' });
    expect(loadConfig({ VOICE_OPEN_HOURS: 'Mon-Sun 00:00-24:00', VOICE_HOLIDAYS: 'open' }).VOICE_HOLIDAYS).toBe('open');
  });

  it('converts numbers and booleans from strings', () => {
    const config = loadConfig({ PORT: '8080', SEED_DEMO_USERS: 'false', APP_ROLE: 'worker' });
    expect(config).toMatchObject({ PORT: 8080, SEED_DEMO_USERS: false, APP_ROLE: 'worker' });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ APP_ROLE: 'web' }, 'APP_ROLE'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ REDIS_CLUSTER_NODES: 'redis-1' }, 'REDIS_CLUSTER_NODES'],
    [{ REDIS_SENTINELS: '10.0.0.1:26379,' }, 'REDIS_SENTINELS'],
    [{ REDIS_CLUSTER_NODES: 'redis-1:6379', REDIS_SENTINELS: 'sentinel-1:26379' }, 'REDIS_CLUSTER_NODES, REDIS_SENTINELS'],
    [{ REDIS_URL: 'redis://redis:6379', REDIS_SENTINELS: 'sentinel-1:26379' }, 'REDIS_URL, REDIS_SENTINELS'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ REPORTS_DATABASE_URL: 'replica:5433' }, 'REPORTS_DATABASE_URL'],
    [{ REPORTS_DATABASE_POOL_SIZE: '0' }, 'REPORTS_DATABASE_POOL_SIZE'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ WORKING_HOURS: '08:30-17:30,12:30-13:30' }, 'WORKING_HOURS'],
    [{ WORKING_HOURS: '8.30-17.30' }, 'WORKING_HOURS'],
    [{ VOICE_OPEN_HOURS: 'Mon-Fri 8-17' }, 'VOICE_OPEN_HOURS'],
    [{ VOICE_OPEN_HOURS: 'Pzt-Cum 08:30-17:30' }, 'VOICE_OPEN_HOURS'],
    [{ VOICE_HOLIDAYS: 'sometimes' }, 'VOICE_HOLIDAYS'],
    [{ IMAP_URL: 'http://mail' }, 'IMAP_URL'],
    [{ IMAP_HOST: 'mail.bel.tr' }, 'IMAP_USER'],
    [{ EMAIL_PROVIDER: 'smtp', MAIL_FROM: 'cozum@bel.tr' }, 'SMTP_URL'],
    [{ EMAIL_PROVIDER: 'smtp', SMTP_URL: 'smtp://127.0.0.1:25' }, 'MAIL_FROM'],
  ])('stops with a message naming the variable for %p', (env, name) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`${name}:`));
  });

  it('takes a cluster or sentinels instead of REDIS_URL', () => {
    expect(loadConfig({ REDIS_CLUSTER_NODES: 'redis-1:6379,10.0.0.2:6379,[::1]:6380' }).REDIS_CLUSTER_NODES).toBe('redis-1:6379,10.0.0.2:6379,[::1]:6380');
    expect(loadConfig({ REDIS_SENTINELS: 'sentinel-1:26379', REDIS_SENTINEL_NAME: 'cozum' })).toMatchObject({ REDIS_SENTINEL_NAME: 'cozum' });
  });

  it('refuses development secrets and demo users in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: must be set in production/);
    const secrets = { JWT_SECRET: 'x'.repeat(40), PII_HASH_SECRET: 'y'.repeat(40), INTAKE_API_KEY: 'z'.repeat(20) };
    expect(() => loadConfig({ NODE_ENV: 'production', SEED_DEMO_USERS: 'true', ...secrets })).toThrow(/SEED_DEMO_USERS/);
    expect(loadConfig({ NODE_ENV: 'production', ...secrets }).SEED_DEMO_USERS).toBe(false);
  });

  it('accepts a complete e-mail setup', () => {
    const config = loadConfig({
      IMAP_URL: 'imaps://u:p@imap.bel.tr',
      EMAIL_PROVIDER: 'smtp',
      SMTP_URL: 'smtps://u:p@smtp.bel.tr',
      MAIL_FROM: '"Çözüm Masası" <cozum@bel.tr>',
    });
    expect(config).toMatchObject({ EMAIL_PROVIDER: 'smtp', IMAP_MAILBOX: 'INBOX' });
  });

  it('needs the Cloud API account when WhatsApp goes through it', () => {
    expect(() => loadConfig({ WHATSAPP_PROVIDER: 'cloud-api' })).toThrow(/WHATSAPP_CLOUD_APP_SECRET: required when WHATSAPP_PROVIDER=cloud-api/);
    const cloud = {
      WHATSAPP_CLOUD_VERIFY_TOKEN: 'dogrulama-1',
      WHATSAPP_CLOUD_APP_SECRET: 's'.repeat(32),
      WHATSAPP_CLOUD_ACCESS_TOKEN: 'EAAG',
      WHATSAPP_CLOUD_PHONE_NUMBER_ID: '1065403',
    };
    expect(loadConfig({ WHATSAPP_PROVIDER: 'cloud-api', ...cloud }).WHATSAPP_CLOUD_TEMPLATE_LANGUAGE).toBe('tr');
    expect(() => loadConfig({ WHATSAPP_CLOUD_TEMPLATE: 'Yanıt Şablonu' })).toThrow(/WHATSAPP_CLOUD_TEMPLATE:/);
    expect(() => loadConfig({ WHATSAPP_RESTART_MIN_MS: '5000', WHATSAPP_RESTART_MAX_MS: '1000' })).toThrow(/WHATSAPP_RESTART_MAX_MS:/);
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

  it('takes PUBLIC_URL from PORT unless it is set, so links in citizens’ messages reach this process', () => {
    expect(loadConfig({}).PUBLIC_URL).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '8080' }).PUBLIC_URL).toBe('http://localhost:8080');
    expect(loadConfig({ PORT: '8080', PUBLIC_URL: 'https://cozum.example.bel.tr' }).PUBLIC_URL).toBe('https://cozum.example.bel.tr');
  });

  it('names the rule a wrong value broke', () => {
    expect(() => loadConfig({ WHATSAPP_CLOUD_PHONE_NUMBER_ID: '+90 532 000 00 00' })).toThrow(
      /WHATSAPP_CLOUD_PHONE_NUMBER_ID: .*5-30 digits.*not the phone number itself/,
    );
  });
});
