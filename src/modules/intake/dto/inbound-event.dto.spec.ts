import { ValidationPipe } from '@nestjs/common';
import { createValidationPipe } from '@app/common';
import { InboundEventDto } from './inbound-event.dto';

/** What the global pipe's full path (class-transformer and class-validator, its options) says of a body. */
const fullPath = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true });
const fullPathAccepts = (body: unknown) =>
  fullPath.transform(structuredClone(body), { type: 'body', metatype: InboundEventDto }).then(
    () => true,
    () => false,
  );

const ok = { channel: 'sms', providerId: 'SM123', payload: { From: '+905321234567', Body: 'Çukur var' } };

describe('InboundEventDto.quickAccept', () => {
  it.each<[string, unknown]>([
    ['a bench SMS', ok],
    ['an unknown channel name (stored as a failed event)', { ...ok, channel: 'fax_gateway' }],
    ['an emoji id', { ...ok, providerId: 'id-👍' }],
    ['a 200-character id', { ...ok, providerId: 'x'.repeat(200) }],
    ['an empty payload', { ...ok, payload: {} }],
    ['a 201-character id', { ...ok, providerId: 'x'.repeat(201) }],
    ['an empty id', { ...ok, providerId: '' }],
    ['an id of a variation selector only (length 0 to the validator)', { ...ok, providerId: '\uFE0F' }],
    ['100 emoji (200 UTF-16 units, 100 characters)', { ...ok, providerId: '👍'.repeat(100) }],
    ['a NUL in the id', { ...ok, providerId: 'a\u0000b' }],
    ['U+FFFD in the id', { ...ok, providerId: 'a\uFFFDb' }],
    ['a numeric id', { ...ok, providerId: 42 }],
    ['an upper-case channel', { ...ok, channel: 'SMS' }],
    ['a one-letter channel', { ...ok, channel: 's' }],
    ['a channel that is not text', { ...ok, channel: ['sms'] }],
    ['a payload that is an array', { ...ok, payload: [1] }],
    ['a payload that is text', { ...ok, payload: 'x' }],
    ['a null payload', { ...ok, payload: null }],
    ['no payload', { channel: 'sms', providerId: 'a' }],
    ['a field more', { ...ok, extra: 1 }],
    ['a field instead of one', { channel: 'sms', providerId: 'a', body: {} }],
    ['an array', [ok]],
    ['null', null],
  ])('accepts %s exactly when class-validator does', async (_, body) => {
    expect(InboundEventDto.quickAccept(body)).toBe(await fullPathAccepts(body));
  });

  it('agrees with class-validator on many generated bodies', async () => {
    const channels = ['sms', 'whatsapp', 'e', 'web_form', 'Web', 'a'.repeat(21), 'a'.repeat(20), '', 7, undefined];
    const ids = ['a', '', 'x'.repeat(200), 'x'.repeat(199) + '👍', '\uFE0E', 'a\u0000', null, 3, undefined];
    const payloads = [{}, { a: 1 }, [], null, 'p', undefined];
    let agreed = 0;
    for (const channel of channels)
      for (const providerId of ids)
        for (const payload of payloads) {
          const body = JSON.parse(JSON.stringify({ channel, providerId, payload })) as unknown;
          expect([body, InboundEventDto.quickAccept(body)]).toEqual([body, await fullPathAccepts(body)]);
          agreed += 1;
        }
    expect(agreed).toBe(channels.length * ids.length * payloads.length);
  });
});

describe('the global pipe on InboundEventDto', () => {
  const pipe = createValidationPipe();
  const meta = { type: 'body' as const, metatype: InboundEventDto, data: '' };

  it('gives the DTO a quick-accepted body names, with the payload as sent and its own `__proto__` keys gone', async () => {
    const body = JSON.parse('{"channel":"sms","providerId":"SM1","payload":{"Body":"x","__proto__":{"polluted":true}}}') as unknown;
    const dto = (await pipe.transform(body, meta)) as InboundEventDto;
    expect(dto).toBeInstanceOf(InboundEventDto);
    expect(dto).toEqual({ channel: 'sms', providerId: 'SM1', payload: { Body: 'x' } });
    expect(Object.hasOwn(dto.payload, '__proto__')).toBe(false);
  });

  it.each<[unknown, string]>([
    [{ ...ok, providerId: 'x'.repeat(201) }, 'providerId'],
    [{ ...ok, channel: 'SMS' }, 'channel'],
    [{ ...ok, payload: [] }, 'payload'],
    [{ ...ok, extra: 1 }, 'extra'],
  ])('refuses what the quick test does not accept with a 400 naming the field (%j)', async (body, field) => {
    const refused = await pipe.transform(body, meta).then(
      () => null,
      (error: { getStatus?: () => number; details?: { field: string }[] }) => error,
    );
    expect(refused?.details?.map((d) => d.field)).toContain(field);
  });
});
