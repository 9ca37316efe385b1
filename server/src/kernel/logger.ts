import pino from 'pino';
import { config } from '../config/env';

/** Structured JSON logs; secrets never go in here. */
export const logger = pino({
  level: config().LOG_LEVEL,
  base: { service: 'converge' },
  redact: ['req.headers.authorization', 'password', 'token', 'secret'],
});
