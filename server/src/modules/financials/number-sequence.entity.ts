import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { UnitOfWork } from '../../kernel/events/unit-of-work';

/**
 * The last number given in a series per year (JE, INV). Taking the next one updates this row,
 * which stays locked until the transaction ends: concurrent writers queue behind it, and a rolled
 * back write gives its number back, so numbers are gapless.
 */
@Entity('number_sequences')
export class NumberSequence {
  @PrimaryColumn('text')
  series!: string;

  @PrimaryColumn('int')
  year!: number;

  @Column('int')
  last!: number;
}

/** The next number of a series for a year, e.g. `JE-2026-00001`, in the caller's transaction. */
export async function nextNumber(uow: UnitOfWork, series: string, year: number, digits: number): Promise<string> {
  const [{ last }] = await uow.manager.query(
    `INSERT INTO "number_sequences" ("series", "year", "last") VALUES ($1, $2, 1)
     ON CONFLICT ("series", "year") DO UPDATE SET "last" = "number_sequences"."last" + 1 RETURNING "last"`,
    [series, year],
  );
  return `${series}-${year}-${String(last).padStart(digits, '0')}`;
}
