import { todayUtc } from '../../kernel/calendar-date';
import type { Context } from '../../kernel/context';
import { ActivityAction } from '../../kernel/activity/activity-log.entity';
import { RecordChanged } from '../../kernel/activity/activity.events';
import { reader } from '../../kernel/data/reader';
import { lockRow, updateRow } from '../../kernel/data/rows';
import { badInput } from '../../kernel/errors/errors';
import { inTransaction, type UnitOfWork } from '../../kernel/events/unit-of-work';
import { byIdLoader } from '../../kernel/loaders/loaders';
import { specOf } from '../../kernel/pagination/spec';
import type { Path } from '../../kernel/records/record.service';
import { FinancialSettings, SETTINGS_ID } from './financial-settings.entity';

/** The settings row (the migration created it), locked until the transaction ends. */
async function lockSettings(uow: UnitOfWork, lock: 'UPDATE' | 'SHARE'): Promise<FinancialSettings> {
  return (await lockRow<FinancialSettings>(uow.manager, specOf(uow.ctx.ds, FinancialSettings), SETTINGS_ID, { lock }))!;
}

export async function financialSettings(ctx: Context): Promise<FinancialSettings> {
  return (await byIdLoader<FinancialSettings>(reader(ctx.ds), specOf(ctx.ds, FinancialSettings)).load(SETTINGS_ID))!;
}

/**
 * Refuses a posting dated on or before the lock date. The settings row is share-locked until the
 * transaction ends, so a lock date set meanwhile waits for this posting (and sees it).
 */
export async function assertPeriodOpen(uow: UnitOfWork, date: string, path: Path): Promise<void> {
  const { lockDate } = await lockSettings(uow, 'SHARE');
  if (lockDate && date <= lockDate) throw badInput(path, `is in a closed period: nothing posts on or before the lock date ${lockDate}`);
}

/** Closes the books up to a date (or reopens them back to it); never a day after today. */
export function setLockDate(ctx: Context, date: string): Promise<FinancialSettings> {
  return inTransaction(ctx, async (uow) => {
    if (date > todayUtc()) throw badInput(['date'], 'cannot be after today: it would close days that have not happened');
    const before = await lockSettings(uow, 'UPDATE');
    if (before.lockDate === date) return before;
    const after = await updateRow<FinancialSettings>(uow.manager, specOf(ctx.ds, FinancialSettings), SETTINGS_ID, { lockDate: date });
    await uow.emit(RecordChanged, {
      action: ActivityAction.UPDATED,
      entityType: 'FinancialSettings',
      entityId: SETTINGS_ID,
      entityLabel: 'Lock date',
      ownerId: null,
      holders: [],
      changes: { lockDate: { from: before.lockDate, to: date } },
    });
    return after;
  });
}
