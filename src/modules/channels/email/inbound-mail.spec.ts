import { simpleParser } from 'mailparser';
import { headersOf, mailPayload, providerIdOf } from './inbound-mail';

const raw = (text: string) => Buffer.from(text.replace(/\n/g, '\r\n'));

describe('inbound mail', () => {
  it('reads header values by lower-case name, unfolded, first one wins', async () => {
    const parsed = await simpleParser(raw('Auto-Submitted: auto-replied\nReceived: a\n b\nReceived: c\n\nbody'));
    expect(headersOf(parsed)).toEqual({ 'auto-submitted': 'auto-replied', received: 'a b' });
    expect(headersOf(await simpleParser(raw('no header here\n\nbody')))).toEqual({});
  });

  it('uses the Message-ID as provider id, a hash when it is missing, too long, or not storable text', () => {
    expect(providerIdOf('<a@b>', Buffer.from('x'))).toBe('<a@b>');
    expect(providerIdOf(null, Buffer.from('x'))).toMatch(/^sha256-[0-9a-f]{64}$/);
    expect(providerIdOf(null, Buffer.from('x'))).not.toBe(providerIdOf(null, Buffer.from('y')));
    expect(providerIdOf(`<${'a'.repeat(300)}@b>`, Buffer.from('x'))).toMatch(/^sha256-/);
    expect(providerIdOf('<a\u0000b@c>', Buffer.from('x'))).toMatch(/^sha256-/);
    expect(providerIdOf('<a\uFFFDb@c>', Buffer.from('x'))).toMatch(/^sha256-/);
    expect(providerIdOf('<a\u0000b@c>', Buffer.from('x'))).not.toBe(providerIdOf('<a\u0000c@c>', Buffer.from('x')));
  });

  it('builds the payload: sender, threading ids, sanitised HTML, automatic flag, no broken characters', async () => {
    const parsed = await simpleParser(
      raw(
        'From: =?utf-8?q?Ay=C5=9Fe?= <AYSE@Example.com>\nSubject: Re: [2026-000042] Çukur\nMessage-ID: <m2@x>\nIn-Reply-To: <o1@bel>\n' +
          'References: <m1@x> <o1@bel>\nPrecedence: bulk\nContent-Type: text/html; charset=utf-8\n\n<p onclick="x()">Merhaba \uFFFD<script>kötü()</script></p>',
      ),
    );
    const payload = mailPayload(parsed, [], []);
    expect(payload).toMatchObject({
      messageId: '<m2@x>',
      from: { address: 'ayse@example.com', name: 'Ayşe' },
      subject: 'Re: [2026-000042] Çukur',
      inReplyTo: '<o1@bel>',
      references: ['<m1@x>', '<o1@bel>'],
      automatic: true,
      automaticReason: 'precedence: bulk',
      html: '<p>Merhaba </p>',
    });
    expect(payload.headers).toMatchObject({ precedence: 'bulk' });
    expect(payload.text).not.toContain('\uFFFD');
  });
});
