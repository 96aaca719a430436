import { AddressInfo, createServer, Server, Socket } from 'node:net';
import { Pool, PoolClient } from 'pg';
import { poolOptions } from './pool-options';

/** A PostgreSQL wire message: its type byte, its length, its body. */
function message(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

const cstring = (s: string) => Buffer.from(`${s}\0`, 'utf8');
const authenticationOk = message('R', Buffer.from([0, 0, 0, 0]));
const readyForQuery = message('Z', Buffer.from('I', 'latin1'));
const adminShutdown = message(
  'E',
  Buffer.concat([
    ...[
      ['S', 'FATAL'],
      ['V', 'FATAL'],
      ['C', '57P01'],
      ['M', 'terminating connection due to administrator command'],
    ].map(([field, value]) => Buffer.concat([Buffer.from(field, 'latin1'), cstring(value)])),
    Buffer.from([0]),
  ]),
);

/**
 * A server that, as PostgreSQL in a fast shutdown can, answers a new connection's startup with
 * ready-for-query and FATAL 57P01 in one packet, then hangs up.
 */
async function shuttingDownServer(): Promise<{ server: Server; port: number; connections: () => number }> {
  let connections = 0;
  const server = createServer((socket: Socket) => {
    connections += 1;
    socket.once('data', () => {
      socket.end(Buffer.concat([authenticationOk, readyForQuery, adminShutdown]));
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return { server, port: (server.address() as AddressInfo).port, connections: () => connections };
}

describe('the pools’ connections', () => {
  it('a connection ended by the server as it is handed over does not end the process, and is dropped', async () => {
    const { server, port, connections } = await shuttingDownServer();
    const pool = new Pool({ host: '127.0.0.1', port, user: 'postgres', database: 'test', ...poolOptions(2) });
    const poolErrors: Error[] = [];
    pool.on('error', (error) => poolErrors.push(error)); // as TypeORM listens on its pool
    try {
      // As TypeORM's query runner takes a connection: the callback resolves a promise, whose
      // continuation starts listening for the connection's errors a turn later.
      const [client, release] = await new Promise<[PoolClient, (err?: Error) => void]>((ok, fail) =>
        pool.connect((err, c, done) => (err ? fail(err) : ok([c!, done]))),
      );
      const heardLate: Error[] = [];
      client.on('error', (error) => heardLate.push(error));
      expect(connections()).toBe(1);
      // The FATAL came before anyone but the connection itself listened: without that listener the
      // 'error' event had gone unheard and thrown out of the socket's data handler (this suite failing).
      expect(heardLate).toEqual([]);
      await expect(client.query('SELECT 1')).rejects.toThrow(/not queryable/);
      release();
      expect(pool.totalCount).toBe(0);
      expect(poolErrors).toEqual([]);
    } finally {
      await pool.end();
      await new Promise((closed) => server.close(closed));
    }
  });
});
