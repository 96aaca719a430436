import { AppConfig } from '@app/config';
import { FixedClock } from '@app/common';
import { MediaLinks } from './media-links';

const ID = '3f2a6c1e-8d4b-4c2a-9e1f-0a1b2c3d4e5f';
const ISSUED = new Date('2026-12-01T09:00:00Z');

function links(secret: string, clock: FixedClock) {
  return new MediaLinks(Object.assign(new AppConfig(), { JWT_SECRET: secret, PUBLIC_URL: 'https://cozum.ornek-bel.tr/', MEDIA_LINK_TTL_DAYS: 7 }), clock);
}
const parts = (url: string) => {
  const u = new URL(url);
  return { expires: Number(u.searchParams.get('expires')), signature: u.searchParams.get('signature')! };
};

describe('MediaLinks', () => {
  const clock = new FixedClock(ISSUED);
  const signer = links('a'.repeat(32), clock);
  const { url, expiresAt } = signer.linkFor(ID, ISSUED);
  const { expires, signature } = parts(url);

  it('signs a link to the one file, expiring MEDIA_LINK_TTL_DAYS after it was issued', () => {
    expect(url).toMatch(new RegExp(`^https://cozum\\.ornek-bel\\.tr/api/v1/public/files/${ID}\\?expires=\\d+&signature=[\\w-]{22}$`));
    expect(expiresAt.toISOString()).toBe('2026-12-08T09:00:00.000Z');
    expect(expires).toBe(Date.parse('2026-12-08T09:00:00Z') / 1000);
    // The same message sent again is the same text.
    expect(signer.linkFor(ID, ISSUED).url).toBe(url);
  });

  it('opens until it expires, and never for another file, another expiry or another key', () => {
    expect(signer.isValid(ID, expires, signature)).toBe(true);
    expect(signer.isValid('3f2a6c1e-8d4b-4c2a-9e1f-0a1b2c3d4e50', expires, signature)).toBe(false);
    expect(signer.isValid(ID, expires + 1, signature)).toBe(false);
    expect(signer.isValid(ID, expires, signature.slice(0, -1))).toBe(false);
    expect(links('b'.repeat(32), clock).isValid(ID, expires, signature)).toBe(false);
    clock.set(new Date('2026-12-08T09:00:00Z'));
    expect(signer.isValid(ID, expires, signature)).toBe(false);
  });
});
