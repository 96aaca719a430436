import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';

/** Distinct texts named per process; past it a text is sent unnamed (a named text is kept on every connection). */
export const MAX_PREPARED_TEXTS = 500;

let enabled = true;
const names = new Map<string, string>();

/** Set from DATABASE_PREPARED_STATEMENTS by the database module: off behind a pooler that does not carry prepared statements. */
export function setPreparedStatements(on: boolean): void {
  enabled = on;
}

/** A node-postgres query config: a named statement is parsed once per connection; printed as its text in TypeORM's logs and errors. */
class NamedStatement {
  constructor(
    readonly name: string,
    readonly text: string,
  ) {}

  toString(): string {
    return this.text;
  }
}

/**
 * A statement of the hot paths sent as a named prepared statement: each connection has
 * PostgreSQL parse the text once, and the server's plan cache plans it (custom plans for the
 * first five calls, then the generic plan when it costs no more). Sent unnamed, a statement is
 * parsed, analysed and planned at every call: 2 ms of PostgreSQL's CPU for the numbered insert
 * alone (README, Benchmark). For statements whose texts are few
 * (each is kept on every connection; past MAX_PREPARED_TEXTS a text goes unnamed) and whose
 * generic plan is the custom one (an index lookup per key, not a choice that depends on the
 * values). TypeORM hands the config to node-postgres as it is, with its connection, its error
 * (QueryFailedError) and its logging.
 */
export function queryPrepared<T = unknown[]>(db: EntityManager | DataSource, text: string, values: unknown[]): Promise<T> {
  const name = enabled ? nameOf(text) : null;
  return db.query(name ? (new NamedStatement(name, text) as unknown as string) : text, values);
}

function nameOf(text: string): string | null {
  let name = names.get(text);
  if (name === undefined) {
    if (names.size >= MAX_PREPARED_TEXTS) return null;
    name = `cm_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}
