import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Rows of an entity as one JSON parameter, and the INSERT that writes them (see `jsonRows`). */
export interface JsonRows {
  /** `INSERT INTO "table" (…) SELECT … FROM jsonb_populate_recordset(…)`, rows in the given order; add ON CONFLICT / RETURNING. */
  insert: string;
  /** The parameter's value. */
  json: string;
}

/**
 * Entity rows written by one statement with one parameter, their JSON, in the given order (a
 * timeline's `seq` follows it). On the intake's hot path this replaces TypeORM's multi-row
 * insert, which builds a parameter per column and row, reads the generated columns back and
 * merges them into the objects: more CPU than the statement itself. A column no row sets is
 * left to its database default; a row that leaves out a column another row sets gets the
 * column's literal default (`default: false`), else NULL. Columns are written as they are,
 * without TypeORM transformers (the entities given here have none).
 */
export function jsonRows<E extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<E>, rows: Partial<E>[], param: number): JsonRows {
  const metadata = manager.connection.getMetadata(target);
  const columns = metadata.columns
    .filter((column) => rows.some((row) => row[column.propertyName as keyof E] !== undefined))
    .map((column) => ({
      property: column.propertyName as keyof E,
      name: column.databaseName,
      literal: ['string', 'number', 'boolean'].includes(typeof column.default) ? (column.default as unknown) : null,
    }));
  const data = rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const { property, name, literal } of columns) out[name] = row[property] === undefined ? literal : row[property];
    return out;
  });
  const list = columns.map((column) => `"${column.name}"`).join(', ');
  const table = `"${metadata.tableName}"`;
  return {
    insert: `INSERT INTO ${table} (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::${table}, $${param}::jsonb) WITH ORDINALITY ORDER BY ordinality`,
    json: JSON.stringify(data),
  };
}
