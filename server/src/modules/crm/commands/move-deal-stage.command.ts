import type { Context } from '../../../kernel/context';
import { badInput, ConflictError } from '../../../kernel/errors/errors';
import { inTransaction } from '../../../kernel/events/unit-of-work';
import { ActivityAction } from '../../../kernel/activity/activity-log.entity';
import { Deal, DealStage, deals, isOpenStage } from '../deal.entity';
import { DealWon } from './deal-won.event';

function checkVersion(deal: Deal, expectedVersion?: number | null): void {
  if (expectedVersion != null && deal.version !== expectedVersion) {
    throw new ConflictError(`Deal ${deal.id} was changed by someone else (now version ${deal.version}); reload and try again`);
  }
}

/**
 * Moves an open deal to another stage. Open stages move freely; CLOSED_LOST needs a reason;
 * CLOSED_WON emits DealWon, whose handlers (the deal's project) run in the same transaction.
 */
export function moveDealStage(ctx: Context, id: string, stage: DealStage, lostReason?: string | null, expectedVersion?: number | null): Promise<Deal> {
  return inTransaction(ctx, async (uow) => {
    const deal = await deals.service.lockForWrite(ctx, uow, id);
    checkVersion(deal, expectedVersion);
    if (!isOpenStage(deal.stage)) throw badInput(['stage'], `The deal is ${deal.stage}; reopen it with reopenDeal first`);
    if (stage === deal.stage) throw badInput(['stage'], `The deal is already in ${stage}`);
    const reason = lostReason?.trim();
    if (stage === DealStage.CLOSED_LOST && !reason) throw badInput(['lostReason'], 'is required to close a deal as lost');
    if (stage !== DealStage.CLOSED_LOST && reason) throw badInput(['lostReason'], 'only goes with CLOSED_LOST');
    if (reason && reason.length > 1000) throw badInput(['lostReason'], 'must be at most 1000 characters');

    if (stage === DealStage.CLOSED_WON) {
      const won = await deals.service.applyUpdate(ctx, uow, deal, { stage, closedAt: new Date(), probability: 100 }, expectedVersion, ActivityAction.WON);
      // Follow-ups (the deal's project) hang off the event, in this transaction.
      await uow.emit(DealWon, { deal: won });
      return won;
    }
    if (stage === DealStage.CLOSED_LOST) {
      return deals.service.applyUpdate(
        ctx,
        uow,
        deal,
        { stage, closedAt: new Date(), lostReason: reason, probability: 0 },
        expectedVersion,
        ActivityAction.LOST,
      );
    }
    return deals.service.applyUpdate(ctx, uow, deal, { stage }, expectedVersion, ActivityAction.STAGE_CHANGED);
  });
}

/** Takes a closed deal back to an open stage, clearing closedAt and lostReason. */
export function reopenDeal(ctx: Context, id: string, stage: DealStage, expectedVersion?: number | null): Promise<Deal> {
  return inTransaction(ctx, async (uow) => {
    const deal = await deals.service.lockForWrite(ctx, uow, id);
    checkVersion(deal, expectedVersion);
    if (isOpenStage(deal.stage)) throw badInput(['id'], `The deal is open (${deal.stage}); only closed deals can be reopened`);
    if (!isOpenStage(stage)) throw badInput(['stage'], 'A deal reopens into an open stage');
    // The 100 % / 0 % set on closing no longer holds for an open deal.
    return deals.service.applyUpdate(ctx, uow, deal, { stage, closedAt: null, lostReason: null, probability: null }, expectedVersion, ActivityAction.REOPENED);
  });
}
