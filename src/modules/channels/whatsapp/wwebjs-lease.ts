import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { RedisClient } from '@app/queue';

export const LEASE_MS = 90_000;

// Renews or releases the lease only while this process holds it.
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * One whatsapp-web.js client per installation however many workers run: the hotline number
 * has one session, so the worker holding this Redis lease runs it and the others stand by.
 */
@Injectable()
export class WwebjsLease {
  private readonly token = randomBytes(8).toString('hex');

  constructor(private readonly redis: RedisClient) {}

  /** Takes the lease when free, or keeps it when held; false when another worker has it. */
  async hold(): Promise<boolean> {
    const key = this.redis.key('whatsapp', 'client-lease');
    if ((await this.redis.connection.eval(RENEW, 1, key, this.token, LEASE_MS)) === 1) return true;
    return (await this.redis.connection.set(key, this.token, 'PX', LEASE_MS, 'NX')) === 'OK';
  }

  async release(): Promise<void> {
    await this.redis.connection.eval(RELEASE, 1, this.redis.key('whatsapp', 'client-lease'), this.token);
  }
}
