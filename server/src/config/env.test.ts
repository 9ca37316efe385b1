import { ConfigError, loadConfig } from './env';

describe('configuration', () => {
  it('has working defaults for the embedded mode', () => {
    const cfg = loadConfig({});
    expect(cfg).toMatchObject({ PORT: 4000, SESSION_TTL_HOURS: 168, DEFAULT_COUNTRY: 'US', MIGRATE_ON_START: true, production: false });
    expect(cfg.DATABASE_URL).toBeUndefined();
    expect(cfg.dataDir).toMatch(/\.data$/);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL: must be a postgres:// URL'],
    [{ ADMIN_EMAIL: 'admin@example.com' }, 'ADMIN_EMAIL and ADMIN_PASSWORD must be set together'],
    [{ ADMIN_EMAIL: 'nope', ADMIN_PASSWORD: 'long enough password' }, 'ADMIN_EMAIL'],
    [{ MIGRATE_ON_START: 'maybe' }, 'MIGRATE_ON_START'],
    [{ DEFAULT_COUNTRY: 'usa' }, 'DEFAULT_COUNTRY'],
    [{ SESSION_TTL_HOURS: '-1' }, 'SESSION_TTL_HOURS'],
  ])('refuses %j with a message naming the variable', (env, expected) => {
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(ConfigError);
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(expected);
  });

  it('reads booleans and production mode', () => {
    const cfg = loadConfig({ MIGRATE_ON_START: 'false', NODE_ENV: 'production' });
    expect(cfg).toMatchObject({ MIGRATE_ON_START: false, production: true, TRUST_PROXY: false });
  });

  it.each([
    [undefined, false],
    ['false', false],
    ['0', false],
    ['1', 1],
    ['2', 2],
    ['loopback', ['loopback']],
    ['loopback, 10.0.0.0/8 ,192.168.1.7,fd00::/8, ::1', ['loopback', '10.0.0.0/8', '192.168.1.7', 'fd00::/8', '::1']],
  ])('reads TRUST_PROXY=%s as a hop count or a list of trusted proxies', (value, expected) => {
    expect(loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).TRUST_PROXY).toEqual(expected);
  });

  it.each(['true', 'TRUE', 'yes'])('refuses TRUST_PROXY=%s, saying what to write instead', (value) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(
      /TRUST_PROXY: true would trust any X-Forwarded-For .*number of proxies.*\(e\.g\. 1\).*loopback, 10\.0\.0\.0\/8/,
    );
  });

  it.each(['10.0.0.0/33', 'proxy.internal', '1.2.3', 'loopback,,nope', '::1/129', '21', '-1'])('refuses TRUST_PROXY=%s', (value) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY: /);
  });

  it('takes a CURSOR_SECRET of at least 32 characters', () => {
    expect(loadConfig({ CURSOR_SECRET: 'x'.repeat(32) }).CURSOR_SECRET).toBe('x'.repeat(32));
    expect(loadConfig({}).CURSOR_SECRET).toBeUndefined();
    expect(() => loadConfig({ CURSOR_SECRET: 'too short' })).toThrow(/CURSOR_SECRET: must be at least 32 characters/);
  });
});
