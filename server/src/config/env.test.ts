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
    const cfg = loadConfig({ MIGRATE_ON_START: 'false', NODE_ENV: 'production', TRUST_PROXY: '1' });
    expect(cfg).toMatchObject({ MIGRATE_ON_START: false, production: true, TRUST_PROXY: true });
  });
});
