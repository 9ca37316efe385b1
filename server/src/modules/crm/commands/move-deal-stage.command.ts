import type { Context } from '../../../kernel/context';
import { badInput, ConflictError } from '../../../kernel/errors/errors';
import { inTransaction } from '../../../kernel/events/unit-of-work';
import { ActivityAction } from '../../system/activity-log.entity';
import { projectService } from '../../workflow/project.service';
import { Deal, DealStage, isOpenStage } from '../deal.entity';
import { dealService } from '../deal.service';

function checkVersion(deal: Deal, expectedVersion?: number | null): void {
  if (expectedVersion != null && deal.version !== expectedVersion) {
    throw new ConflictError(`Deal ${deal.id} was changed by someone else (now version ${deal.version}); reload and try again`);
  }
}

/**
 * Moves an open deal to another stage. Open stages move freely; CLOSED_LOST needs a reason;
 * CLOSED_WON also creates (or reuses) the deal's project — all in one transaction.
 */
export function moveDealStage(ctx: Context, id: string, stage: DealStage, lostReason?: string | null, expectedVersion?: number | null): Promise<Deal> {
  return inTransaction(ctx, async (uow) => {
    const deal = await dealService.lockForWrite(ctx, uow, id);
    checkVersion(deal, expectedVersion);
    if (!isOpenStage(deal.stage)) throw badInput(['stage'], `The deal is ${deal.stage}; reopen it with reopenDeal first`);
    if (stage === deal.stage) throw badInput(['stage'], `The deal is already in ${stage}`);
    const reason = lostReason?.trim();
    if (stage === DealStage.CLOSED_LOST && !reason) throw badInput(['lostReason'], 'is required to close a deal as lost');
    if (stage !== DealStage.CLOSED_LOST && reason) throw badInput(['lostReason'], 'only goes with CLOSED_LOST');
    if (reason && reason.length > 1000) throw badInput(['lostReason'], 'must be at most 1000 characters');

    if (stage === DealStage.CLOSED_WON) {
      const won = await dealService.applyUpdate(ctx, uow, deal, { stage, closedAt: new Date(), probability: 100 }, expectedVersion, ActivityAction.WON);
      await projectService.ensureForWonDeal(ctx, uow, won);
      return won;
    }
    if (stage === DealStage.CLOSED_LOST) {
      return dealService.applyUpdate(ctx, uow, deal, { stage, closedAt: new Date(), lostReason: reason, probability: 0 }, expectedVersion, ActivityAction.LOST);
    }
    return dealService.applyUpdate(ctx, uow, deal, { stage }, expectedVersion, ActivityAction.STAGE_CHANGED);
  });
}

/** Takes a closed deal back to an open stage, clearing closedAt and lostReason. */
export function reopenDeal(ctx: Context, id: string, stage: DealStage, expectedVersion?: number | null): Promise<Deal> {
  return inTransaction(ctx, async (uow) => {
    const deal = await dealService.lockForWrite(ctx, uow, id);
    checkVersion(deal, expectedVersion);
    if (isOpenStage(deal.stage)) throw badInput(['id'], `The deal is open (${deal.stage}); only closed deals can be reopened`);
    if (!isOpenStage(stage)) throw badInput(['stage'], 'A deal reopens into an open stage');
    // The 100 % / 0 % set on closing no longer holds for an open deal.
    return dealService.applyUpdate(ctx, uow, deal, { stage, closedAt: null, lostReason: null, probability: null }, expectedVersion, ActivityAction.REOPENED);
  });
}
