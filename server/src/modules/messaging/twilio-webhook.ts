import express, { Request, Response, Router } from 'express';
import type { DataSource } from 'typeorm';
import { config } from '../../config/env';
import { logger } from '../../kernel/logger';
import { applyProviderStatus, TWILIO_STATUS_PATH } from './sms-delivery';
import { twilioSdk } from './twilio-provider';

/**
 * Twilio's message status callbacks (form-encoded POSTs). Only requests signed with our auth
 * token for our public URL (X-Twilio-Signature) are accepted; anything else is 403.
 */
export function twilioWebhooks(ds: DataSource): Router {
  const router = express.Router();
  router.post(TWILIO_STATUS_PATH, express.urlencoded({ extended: false, limit: '64kb' }), async (req: Request, res: Response) => {
    const cfg = config();
    const signature = req.header('x-twilio-signature');
    // Twilio signs the URL it called: ours as the public sees it (behind proxies: PUBLIC_URL).
    const base = (cfg.PUBLIC_URL ?? `${req.protocol}://${req.get('host')}`).replace(/\/$/, '');
    const params = (req.body ?? {}) as Record<string, string>;
    if (!cfg.TWILIO_AUTH_TOKEN || !signature || !twilioSdk().validateRequest(cfg.TWILIO_AUTH_TOKEN, signature, base + req.originalUrl, params)) {
      logger.warn({ url: req.originalUrl }, 'Twilio callback refused: missing or wrong signature');
      res.status(403).json({ error: 'Invalid Twilio signature' });
      return;
    }
    try {
      const interactionId = typeof req.query.interactionId === 'string' ? req.query.interactionId : undefined;
      await applyProviderStatus(ds, { interactionId, providerId: params.MessageSid, status: params.MessageStatus, errorCode: params.ErrorCode });
      res.status(204).end();
    } catch (err) {
      logger.error({ err }, 'Twilio status callback failed');
      res.status(500).json({ error: 'Internal server error' });
    }
  });
  return router;
}
