import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import { PasswordHashingBusyException } from './auth-errors';

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;
const KEY_LENGTH = 32;

// scrypt runs on libuv's threadpool (4 threads by default), which fs, dns.lookup (a new database
// or Redis connection by host name) and zlib share. Unbounded, a burst of logins fills it and
// every such call waits behind the whole queue of hashes (measured: 16 logins in flight made an
// fs.stat or a lookup take ~200 ms instead of 0.3). So at most this many hash at once, leaving
// threads for the rest and a core for the event loop on small machines.
const CONCURRENCY = Math.max(1, Math.min(2, availableParallelism() - 1));
// Beyond this many waiting (~1-2 s of hashing) a login is refused at once instead of queueing.
const MAX_WAITING = 32;

let running = 0;
const waiting: (() => void)[] = [];

/** Throws PasswordHashingBusyException (503) when a hash asked for now would be refused: lets a login give up before any other work. */
export function checkHashingCapacity(): void {
  if (waiting.length >= MAX_WAITING) throw new PasswordHashingBusyException();
}

async function hashSlot<T>(work: () => Promise<T>): Promise<T> {
  checkHashingCapacity();
  if (running < CONCURRENCY) running += 1;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await work();
  } finally {
    // The slot passes straight to the next waiter, so `running` never overshoots.
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

/** `scrypt$<salt>$<hash>`, both base64. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await hashSlot(() => scrypt(password, salt, KEY_LENGTH));
  return `scrypt$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await hashSlot(() => scrypt(password, Buffer.from(salt, 'base64'), expected.length));
  return timingSafeEqual(actual, expected);
}
