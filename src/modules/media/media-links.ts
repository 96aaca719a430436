import { Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '@app/config';
import { Clock } from '@app/common';

const DAY = 86_400_000;

/** A file's public address as a citizen without a login receives it (by SMS): valid until `expiresAt`. */
export interface MediaLink {
  url: string;
  expiresAt: Date;
}

/**
 * Signed, expiring links to stored files. The signature covers the file and the expiry, so a
 * link opens that one file until then and nothing else; the key is derived from JWT_SECRET
 * for this one purpose, so a link is never a token and a token never a link.
 */
@Injectable()
export class MediaLinks {
  private readonly key: Buffer;

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.key = createHmac('sha256', config.JWT_SECRET).update('media-link').digest();
  }

  /** The link to `mediaId`, valid for MEDIA_LINK_TTL_DAYS from `issuedAt`. */
  linkFor(mediaId: string, issuedAt: Date): MediaLink {
    const expiresAt = new Date(issuedAt.getTime() + this.config.MEDIA_LINK_TTL_DAYS * DAY);
    const expires = Math.floor(expiresAt.getTime() / 1000);
    const base = this.config.PUBLIC_URL.replace(/\/$/, '');
    return { url: `${base}/api/v1/public/files/${mediaId}?expires=${expires}&signature=${this.sign(mediaId, expires)}`, expiresAt };
  }

  /** Whether a link's signature is ours and it has not expired. */
  isValid(mediaId: string, expires: number, signature: string): boolean {
    if (expires * 1000 <= this.clock.now().getTime()) return false;
    const expected = Buffer.from(this.sign(mediaId, expires));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private sign(mediaId: string, expires: number): string {
    // 128 bits of the HMAC: unguessable, and short enough for an SMS.
    return createHmac('sha256', this.key).update(`${mediaId.toLowerCase()}.${expires}`).digest().subarray(0, 16).toString('base64url');
  }
}
