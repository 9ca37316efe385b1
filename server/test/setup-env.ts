import 'reflect-metadata';

process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
delete process.env.ADMIN_EMAIL;
delete process.env.ADMIN_PASSWORD;
