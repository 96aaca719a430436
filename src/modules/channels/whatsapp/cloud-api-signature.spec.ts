import { hubSignature, validHubSignature } from './cloud-api-signature';

describe('X-Hub-Signature-256', () => {
  const secret = 'meta-app-secret-0123456789';
  const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');

  it('accepts the HMAC-SHA256 of the exact raw body', () => {
    expect(validHubSignature(secret, body, hubSignature(secret, body))).toBe(true);
  });

  it('refuses another secret, a changed body, a missing body or a malformed header', () => {
    expect(validHubSignature(secret, body, hubSignature('another-secret-0123456789', body))).toBe(false);
    expect(validHubSignature(secret, Buffer.from(`${body} `), hubSignature(secret, body))).toBe(false);
    expect(validHubSignature(secret, undefined, hubSignature(secret, body))).toBe(false);
    expect(validHubSignature(secret, body, hubSignature(secret, body).replace('sha256=', 'sha1='))).toBe(false);
    expect(validHubSignature(secret, body, 'sha256=abc')).toBe(false);
    expect(validHubSignature(secret, body, 'sha256=zz')).toBe(false);
    expect(validHubSignature(secret, body, undefined)).toBe(false);
  });
});
