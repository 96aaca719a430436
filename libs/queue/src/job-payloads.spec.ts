import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { EscalationBatchJob, EventsJob, MessagesJob, PayloadClass } from './job-payloads';

/** What the workers' full validation (class-transformer, class-validator, their options) says of a payload. */
async function fullPathAccepts(payloadClass: PayloadClass, data: unknown): Promise<boolean> {
  if (data === null || typeof data !== 'object') return false;
  const payload: object = plainToInstance(payloadClass, structuredClone(data) as object);
  if (Array.isArray(payload)) return false;
  return (await validate(payload, { whitelist: true, forbidNonWhitelisted: true })).length === 0;
}

const id = '0b6f5c3e-8a1d-4c2e-9f3a-5d7e1b2c4a6f';
const ids = (n: number) => Array.from({ length: n }, (_, k) => `${id.slice(0, -4)}${String(k).padStart(4, '0')}`);

describe.each([
  ['EventsJob', EventsJob, 'eventIds'],
  ['MessagesJob', MessagesJob, 'messageIds'],
  ['EscalationBatchJob', EscalationBatchJob, 'escalationIds'],
] as const)('%s.quickAccept', (_, payloadClass, field) => {
  it.each<[string, unknown]>([
    ['one id', { [field]: [id] }],
    ['500 ids', { [field]: ids(500) }],
    ['an upper-case id', { [field]: [id.toUpperCase()] }],
    ['501 ids', { [field]: ids(501) }],
    ['no ids', { [field]: [] }],
    ['an id that is not a UUID', { [field]: [id, 'not-a-uuid'] }],
    ['a number among the ids', { [field]: [id, 7] }],
    ['null among the ids', { [field]: [null] }],
    ['one id not in a list', { [field]: id }],
    ['a field more', { [field]: [id], extra: 1 }],
    ['another field', { other: [id] }],
    ['nothing', {}],
    ['null', null],
    ['a list', [id]],
  ])('accepts %s exactly when class-validator does', async (_case, data) => {
    expect(payloadClass.quickAccept(data)).toBe(await fullPathAccepts(payloadClass, data));
  });

  it('accepts what a job carries without the full path, and the full path agrees', async () => {
    for (const n of [1, 2, 50, 499]) {
      const data = JSON.parse(JSON.stringify({ [field]: ids(n) })) as unknown;
      expect(payloadClass.quickAccept(data)).toBe(true);
      expect(await fullPathAccepts(payloadClass, data)).toBe(true);
    }
  });
});
