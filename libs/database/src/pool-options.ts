import { Client, ClientConfig } from 'pg';

/**
 * A connection that listens for its own errors from the start. TypeORM takes a connection from
 * pg-pool, which stops listening for the connection's errors as it hands it over, and starts
 * listening itself a promise's turn later. A server shutting down can send a connection just
 * opened its ready-for-query and its FATAL 57P01 in one packet: the error is then emitted in
 * between, to no listener, and an unhandled `error` event ends the process. With this listener
 * the error still reaches the pool's and TypeORM's when they listen; the connection, no longer
 * queryable, fails its next statement (a 503 to the caller) and is dropped when released.
 */
export class ListeningClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

/** The pg-pool options of a DataSource (TypeORM's `extra`): its size, and connections that never leave an error unheard. */
export function poolOptions(max: number): { max: number; Client: typeof Client } {
  return { max, Client: ListeningClient };
}
