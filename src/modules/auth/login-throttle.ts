import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { RateCheck, RateLimiter, RateRule, waitMinutes } from '@app/queue';

/** A login attempt's hold on the counters; given back when the attempt turns out to be no failure. */
export interface LoginAttempt {
  checks: readonly RateCheck[];
}

/**
 * Failed logins, counted in Redis so every API process sees the same count, on three counters:
 *
 * - account + address (LOGIN_MAX_FAILURES): the tight limit. Anyone can type a known user name
 *   (`admin`), so a tight per-account limit alone would let one address lock the account for
 *   everyone (lockout DoS); keyed with the address, it locks only the guesser, and the owner,
 *   elsewhere, still logs in.
 * - account (LOGIN_MAX_ACCOUNT_FAILURES): a looser limit over all addresses, for guessing spread
 *   over many addresses. Reaching it does lock the owner out until the window ends: the price of
 *   bounding a distributed attack, which needs that many addresses to pay it.
 * - address (LOGIN_MAX_ADDRESS_FAILURES): one address trying many accounts (password spraying).
 *
 * An attempt takes one hit on each before the password is hashed, so concurrent attempts cannot
 * overshoot and a refused one costs no hashing; a successful login gives its hits back, so only
 * failures count. A refused attempt counts nowhere: hammering a locked pair does not use up the
 * account's allowance. While Redis does not answer, logins are refused (503), not let through unchecked.
 */
@Injectable()
export class LoginThrottle {
  private readonly pair: RateRule;
  private readonly account: RateRule;
  private readonly address: RateRule;

  constructor(
    private readonly limiter: RateLimiter,
    config: AppConfig,
  ) {
    const windowSeconds = config.LOGIN_WINDOW_SECONDS;
    this.pair = { scope: 'login-account-address', limit: config.LOGIN_MAX_FAILURES, windowSeconds };
    this.account = { scope: 'login-account', limit: config.LOGIN_MAX_ACCOUNT_FAILURES, windowSeconds };
    this.address = { scope: 'login-address', limit: config.LOGIN_MAX_ADDRESS_FAILURES, windowSeconds };
  }

  /** Takes the attempt's hits, or refuses it (429, whatever the password) when a limit is reached. */
  async begin(username: string, ip: string): Promise<LoginAttempt> {
    const checks = [
      { rule: this.pair, subject: [username, ip] },
      { rule: this.account, subject: username },
      { rule: this.address, subject: ip },
    ];
    await this.limiter.take(checks, (wait) => `Çok sayıda başarısız giriş denemesi; lütfen ${waitMinutes(wait)} dakika sonra tekrar deneyin`);
    return { checks };
  }

  /** The attempt was no wrong guess (a success, or the server could not check it). */
  async release(attempt: LoginAttempt): Promise<void> {
    await this.limiter.refund(attempt.checks);
  }
}
