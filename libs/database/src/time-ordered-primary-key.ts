import { PrimaryColumn, PrimaryColumnOptions } from 'typeorm';

/**
 * A uuid primary key that the database fills, when the row comes without one, with `uuid_v7()`
 * (migration 1796750000000): time-ordered, as `timeOrderedId()` makes them in the service. New rows
 * then land on the right-hand edge of the key's index instead of on a random leaf, which is what
 * keeps inserts fast once a table holds millions of rows. TypeORM returns the filled id, as for any
 * column with a default.
 */
export const TimeOrderedPrimaryKey = (options: Pick<PrimaryColumnOptions, 'primaryKeyConstraintName'> = {}): PropertyDecorator =>
  PrimaryColumn({ ...options, type: 'uuid', default: () => 'uuid_v7()' });
