import type { EntityManager } from 'typeorm';
import { todayUtc } from '../../kernel/calendar-date';
import type { Context } from '../../kernel/context';
import { ActivityAction } from '../../kernel/activity/activity-log.entity';
import { RecordChanged } from '../../kernel/activity/activity.events';
import { reader } from '../../kernel/data/reader';
import { badInput } from '../../kernel/errors/errors';
import { inTransaction, type UnitOfWork } from '../../kernel/events/unit-of-work';
import type { Path } from '../../kernel/records/record.service';
import { FinancialSettings, SETTINGS_ID } from './financial-settings.entity';

const COLUMNS = `"id", "lockDate", "createdAt", "updatedAt", "version"`;

async function read(m: Pick<EntityManager, 'query'>, lock = ''): Promise<FinancialSettings> {
  const [row] = await m.query(`SELECT ${COLUMNS} FROM "financial_settings" WHERE "id" = $1 ${lock}`, [SETTINGS_ID]);
  return row as FinancialSettings;
}

export function financialSettings(ctx: Context): Promise<FinancialSettings> {
  return read(reader(ctx.ds));
}

/**
 * Refuses a posting dated on or before the lock date. The settings row is share-locked until the
 * transaction ends, so a lock date set meanwhile waits for this posting (and sees it).
 */
export async function assertPeriodOpen(uow: UnitOfWork, date: string, path: Path): Promise<void> {
  const { lockDate } = await read(uow.manager, 'FOR SHARE');
  if (lockDate && date <= lockDate) throw badInput(path, `is in a closed period: nothing posts on or before the lock date ${lockDate}`);
}

/** Closes the books up to a date (or reopens them back to it); never a day after today. */
export function setLockDate(ctx: Context, date: string): Promise<FinancialSettings> {
  return inTransaction(ctx, async (uow) => {
    if (date > todayUtc()) throw badInput(['date'], 'cannot be after today: it would close days that have not happened');
    const before = await read(uow.manager, 'FOR UPDATE');
    if (before.lockDate === date) return before;
    const [[after]] = await uow.manager.query(
      `UPDATE "financial_settings" SET "lockDate" = $2, "version" = "version" + 1, "updatedAt" = now() WHERE "id" = $1 RETURNING ${COLUMNS}`,
      [SETTINGS_ID, date],
    );
    await uow.emit(RecordChanged, {
      action: ActivityAction.UPDATED,
      entityType: 'FinancialSettings',
      entityId: SETTINGS_ID,
      entityLabel: 'Lock date',
      ownerId: null,
      holders: [],
      changes: { lockDate: { from: before.lockDate, to: date } },
    });
    return after as FinancialSettings;
  });
}
