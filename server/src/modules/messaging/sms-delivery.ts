import type { DataSource } from 'typeorm';
import { config } from '../../config/env';
import type { Context } from '../../kernel/context';
import { lockRow } from '../../kernel/data/rows';
import { inTransaction, UnitOfWork } from '../../kernel/events/unit-of-work';
import { isUuid } from '../../kernel/ids';
import { systemContext } from '../../kernel/jobs/system-context';
import { Interaction, interactions, InteractionType, SmsStatus } from '../crm';
import { OutgoingSms, SmsProvider, smsProviderFor, SmsRejectedError } from './sms-provider';
import { smsTag, smsText } from './sms-text';

// An SMS interaction's status changes, each through the interaction's normal update path (so each
// is an activity-log entry and reaches the live feed).

export const TWILIO_STATUS_PATH = '/webhooks/twilio/status';
const FINISHED = new Set<SmsStatus>([SmsStatus.SENT, SmsStatus.FAILED, SmsStatus.DELIVERED, SmsStatus.UNDELIVERED]);
const SMS_LOCK = 73_011; // advisory lock namespace: one delivery attempt per message at a time

function lockInteraction(ctx: Context, uow: UnitOfWork, id: string): Promise<Interaction | null> {
  return lockRow<Interaction>(uow.manager, interactions.service.spec(ctx), id, { trashed: null });
}

function change(ctx: Context, uow: UnitOfWork, before: Interaction, patch: Partial<Interaction>): Promise<Interaction> {
  return interactions.service.applyUpdate(ctx, uow, before, patch as Record<string, unknown>, null);
}

function statusCallbackUrl(interactionId: string): string | undefined {
  const base = config().PUBLIC_URL;
  return base ? `${base.replace(/\/$/, '')}${TWILIO_STATUS_PATH}?interactionId=${interactionId}` : undefined;
}

/**
 * Sends an SMS interaction at most once, however often it is called (the job handler):
 * QUEUED → SENDING is committed before the provider hears of it; an attempt that finds it SENDING
 * already (an earlier one died, or failed after the provider may have accepted it) asks the
 * provider first and sends only when the message is not there. 4xx refusals end as FAILED; other
 * errors are thrown for the job to retry.
 */
export async function deliverSms(ds: DataSource, interactionId: string, provider: SmsProvider = smsProviderFor(config())): Promise<void> {
  const ctx = systemContext(ds);
  const start = await inTransaction(ctx, async (uow) => {
    const row = await lockInteraction(ctx, uow, interactionId);
    if (!row || row.type !== InteractionType.SMS || !row.smsStatus || FINISHED.has(row.smsStatus) || !row.smsTo) return null;
    if (row.deletedAt && !row.smsSendingAt) {
      await change(ctx, uow, row, { smsStatus: SmsStatus.FAILED, smsError: 'Moved to the trash before it was sent' });
      return null;
    }
    const firstAttempt = !row.smsSendingAt;
    const marked =
      row.smsStatus === SmsStatus.SENDING ? row : await change(ctx, uow, row, { smsStatus: SmsStatus.SENDING, smsSendingAt: row.smsSendingAt ?? new Date() });
    return { firstAttempt, row: marked };
  });
  if (!start) return;

  const tag = smsTag(interactionId);
  const sms: OutgoingSms = {
    to: start.row.smsTo!,
    text: smsText(start.row.body ?? '', tag),
    tag,
    since: start.row.smsSendingAt ?? new Date(),
    statusCallback: statusCallbackUrl(interactionId),
  };
  await inTransaction(ctx, async (uow) => {
    // Serialises attempts on this message without a row lock (and so without a transaction id)
    // during the provider call, which would hold back the activity feed.
    await uow.manager.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [SMS_LOCK, interactionId]);
    const [now] = await uow.manager.query(`SELECT "smsStatus" FROM "interactions" WHERE "id" = $1`, [interactionId]);
    if (now?.smsStatus !== SmsStatus.SENDING) return; // another attempt finished it meanwhile
    let providerId = start.firstAttempt ? null : ((await provider.find(sms))?.providerId ?? null);
    let rejected: string | null = null;
    if (!providerId) {
      try {
        providerId = (await provider.send(sms)).providerId;
      } catch (err) {
        if (!(err instanceof SmsRejectedError)) throw err;
        rejected = err.message;
      }
    }
    const row = (await lockInteraction(ctx, uow, interactionId))!;
    if (rejected) {
      await change(ctx, uow, row, { smsStatus: SmsStatus.FAILED, smsError: rejected });
    } else if (row.smsStatus === SmsStatus.DELIVERED || row.smsStatus === SmsStatus.UNDELIVERED) {
      // The provider's callback came first; keep its status.
      await change(ctx, uow, row, { smsProviderId: row.smsProviderId ?? providerId });
    } else {
      await change(ctx, uow, row, { smsStatus: SmsStatus.SENT, smsProviderId: providerId, smsError: null });
    }
  });
}

/** The job gave up: an SMS still on its way is FAILED with the reason. */
export async function markSmsFailed(ds: DataSource, interactionId: string, reason: string): Promise<void> {
  const ctx = systemContext(ds);
  await inTransaction(ctx, async (uow) => {
    const row = await lockInteraction(ctx, uow, interactionId);
    if (row && (row.smsStatus === SmsStatus.QUEUED || row.smsStatus === SmsStatus.SENDING)) {
      await change(ctx, uow, row, { smsStatus: SmsStatus.FAILED, smsError: reason.slice(0, 1000) });
    }
  });
}

/** An admin retries the dead job: the SMS is QUEUED again (the next attempt still checks the provider first). */
export async function requeueSms(ctx: Context, uow: UnitOfWork, interactionId: string): Promise<void> {
  const row = await lockInteraction(ctx, uow, interactionId);
  if (row?.smsStatus === SmsStatus.FAILED) await change(ctx, uow, row, { smsStatus: SmsStatus.QUEUED, smsError: null });
}

const PROVIDER_STATUS: Record<string, SmsStatus> = {
  sent: SmsStatus.SENT,
  delivered: SmsStatus.DELIVERED,
  undelivered: SmsStatus.UNDELIVERED,
  failed: SmsStatus.UNDELIVERED,
};

/**
 * A status report from the provider (Twilio's status callback). Finds the interaction by the id
 * in the callback URL or by the provider's message id; returns false when there is nothing to update.
 */
export async function applyProviderStatus(
  ds: DataSource,
  report: { interactionId?: string; providerId: string; status: string; errorCode?: string },
): Promise<boolean> {
  const status = PROVIDER_STATUS[report.status];
  if (!status || !report.providerId) return false;
  const ctx = systemContext(ds);
  return inTransaction(ctx, async (uow) => {
    let id = report.interactionId && isUuid(report.interactionId) ? report.interactionId : null;
    if (!id) id = (await uow.manager.query(`SELECT "id" FROM "interactions" WHERE "smsProviderId" = $1 LIMIT 1`, [report.providerId]))[0]?.id ?? null;
    const row = id ? await lockInteraction(ctx, uow, id) : null;
    if (!row || row.type !== InteractionType.SMS || !row.smsStatus) return false;
    if (row.smsProviderId && row.smsProviderId !== report.providerId) return false;
    // "sent" only moves a message forward; delivery reports are final.
    if (status === SmsStatus.SENT && row.smsStatus !== SmsStatus.QUEUED && row.smsStatus !== SmsStatus.SENDING) return false;
    const smsError =
      status === SmsStatus.UNDELIVERED
        ? `Not delivered (${report.status}${report.errorCode ? `, Twilio error ${report.errorCode}` : ''})`
        : status === SmsStatus.DELIVERED
          ? null
          : undefined;
    await change(ctx, uow, row, { smsStatus: status, smsProviderId: report.providerId, smsError });
    return true;
  });
}
