import 'reflect-metadata';

process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
delete process.env.ADMIN_EMAIL;
delete process.env.ADMIN_PASSWORD;
// Tests choose their Redis and Twilio explicitly (test/redis.ts, a fake Twilio server).
delete process.env.REDIS_URL;
for (const k of Object.keys(process.env)) if (k.startsWith('TWILIO_')) delete process.env[k];
