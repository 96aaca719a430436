import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { FixedClock } from '@app/common';
import { MessageSender, SendResult } from './message-sender';
import { OutboundChannel, OutboundMessage, OutboundState } from './outbound-message.entity';
import { OutboundMessages } from './outbound-messages.service';
import { SendMessageProcessor } from './send-message.processor';
import { SenderRegistry } from './sender-registry';

/** The send processor over a stand-in database that reads the messages and records the `UPDATE … FROM unnest` statements marking messages sent. */
function processorWith(sendMs: number, count: number) {
  const clock = new FixedClock(new Date('2026-11-26T09:00:00Z'));
  const messages = Array.from({ length: count }, () => ({
    id: randomUUID(),
    channel: OutboundChannel.Email,
    state: OutboundState.Pending,
    notBefore: new Date('2026-11-26T08:59:00Z'),
    attempts: 0,
  })) as OutboundMessage[];
  const marked: string[][] = [];
  const dataSource = {
    manager: { connection: { getMetadata: () => ({ columns: [] }) } },
    // A hot statement comes as node-postgres's { name, text } config (queryPrepared); its text is what it prints.
    query: async (statement: unknown, parameters: unknown[]) => {
      const sql = String(statement);
      if (sql.includes('FROM outbound_messages o WHERE')) return messages;
      if (sql.includes('FROM unnest')) marked.push(parameters[1] as string[]);
    },
  } as unknown as DataSource;
  const sender: MessageSender = {
    channel: OutboundChannel.Email,
    provider: 'smtp',
    safeToResend: true,
    send: async (message: OutboundMessage): Promise<SendResult> => {
      clock.advance(sendMs);
      return { providerId: `<${message.id}@test>` };
    },
  };
  const registry = { for: () => sender } as unknown as SenderRegistry;
  const processor = new SendMessageProcessor(dataSource, registry, {} as OutboundMessages, new AppConfig(), clock);
  return { processor, messages, marked };
}

describe('SendMessageProcessor, messages sent without a claim', () => {
  it('marks a quick provider’s messages sent in one statement', async () => {
    const { processor, messages, marked } = processorWith(0, 12);
    expect(await processor.handle({ messageIds: messages.map((m) => m.id) })).toEqual({ sent: 12 });
    expect(marked).toEqual([messages.map((m) => m.id)]);
  });

  it('marks a slow provider’s messages as it goes, so that a worker that dies sends again only the last few', async () => {
    // Four at a time, 100 ms each: every chunk takes longer than the 250 ms the marks may wait.
    const { processor, messages, marked } = processorWith(100, 10);
    expect(await processor.handle({ messageIds: messages.map((m) => m.id) })).toEqual({ sent: 10 });
    expect(marked.map((ids) => ids.length)).toEqual([4, 4, 2]);
    expect(marked.flat()).toEqual(messages.map((m) => m.id));
  });
});
