import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';

/** whatsapp-web.js `MessageMedia`: base64 data, mimetype, optional filename and size. */
export interface FakeMessageMedia {
  mimetype: string;
  data: string;
  filename?: string | null;
  filesize?: number | null;
}

export interface FakeMessageInput {
  from: string;
  body?: string;
  type?: string;
  notifyName?: string;
  fromMe?: boolean;
  media?: FakeMessageMedia;
  location?: { latitude: number; longitude: number; name?: string; address?: string };
  timestamp?: number;
  id?: string;
}

/**
 * A message shaped as whatsapp-web.js builds it (`Message` from the page's raw data): `id` is a
 * MessageId, the push name is only on `_data`, `hasMedia` with `downloadMedia()`, and a
 * location message's `body` is its thumbnail.
 */
export function fakeMessage(input: FakeMessageInput, me = '908502220444@c.us') {
  const fromMe = input.fromMe ?? false;
  const remote = input.from;
  const key = input.id ?? `3EB0${randomBytes(8).toString('hex').toUpperCase()}`;
  const type = input.type ?? (input.location ? 'location' : input.media ? (input.media.mimetype.startsWith('image/') ? 'image' : 'document') : 'chat');
  // As `new Location(lat, lng, { name, address })` builds it from the page's "name\naddress".
  const place = input.location;
  const location = place
    ? {
        latitude: String(place.latitude),
        longitude: String(place.longitude),
        name: place.name,
        address: place.address,
        url: undefined,
        description: [place.name, place.address].filter(Boolean).join('\n'),
      }
    : undefined;
  return {
    id: { fromMe, remote, id: key, _serialized: `${fromMe}_${remote}_${key}` },
    ack: fromMe ? 0 : 1,
    from: fromMe ? me : remote,
    to: fromMe ? remote : me,
    author: undefined,
    body: input.location
      ? '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRT/'
      : (input.body ?? ''),
    type,
    timestamp: input.timestamp ?? Math.floor(Date.now() / 1000),
    fromMe,
    hasMedia: Boolean(input.media),
    hasQuotedMsg: false,
    hasReaction: false,
    isStatus: remote === 'status@broadcast',
    broadcast: false,
    isForwarded: false,
    forwardingScore: 0,
    isStarred: false,
    deviceType: 'android',
    location,
    vCards: [],
    mentionedIds: [],
    links: [],
    _data: { notifyName: input.notifyName, type, t: input.timestamp },
    downloadMedia: async () => (input.media ? { ...input.media } : undefined),
  };
}

export type FakeMessage = ReturnType<typeof fakeMessage>;

/** whatsapp-web.js `Chat`: unreadCount and `fetchMessages({ limit, fromMe })`, earliest first. */
export class FakeChat {
  isGroup: boolean;
  unreadCount = 0;
  readonly messages: FakeMessage[] = [];

  constructor(readonly id: { server: string; user: string; _serialized: string }) {
    this.isGroup = id.server === 'g.us';
  }

  get name(): string {
    return this.id.user;
  }

  async fetchMessages(options: { limit?: number; fromMe?: boolean }) {
    const matching = this.messages.filter((m) => options.fromMe === undefined || m.id.fromMe === options.fromMe);
    return options.limit && options.limit > 0 ? matching.slice(-options.limit) : matching;
  }

  async sendSeen(): Promise<boolean> {
    this.unreadCount = 0;
    return true;
  }
}

/** whatsapp-web.js `MessageSendOptions`, the part the adapter uses. */
export interface FakeSendOptions {
  caption?: string;
  sendMediaAsDocument?: boolean;
}

/**
 * Stands in for whatsapp-web.js's `Client` in tests: an EventEmitter the test drives with the
 * library's event names (`qr`, `ready`, `message`, `message_ack`, `disconnected`), with chats
 * for the unread sweep, and a record of what was sent.
 */
export class FakeWhatsappClient extends EventEmitter {
  readonly sent: { chatId: string; content: unknown; options?: FakeSendOptions; message: FakeMessage }[] = [];
  readonly chats = new Map<string, FakeChat>();
  info = { wid: { server: 'c.us', user: '908502220444', _serialized: '908502220444@c.us' }, pushname: 'Çözüm Masası', platform: 'android' };
  initialized = false;
  destroyed = false;

  async initialize(): Promise<void> {
    this.initialized = true;
  }

  async destroy(): Promise<void> {
    this.destroyed = true;
  }

  chat(chatId: string): FakeChat {
    if (!this.chats.has(chatId)) {
      const [user, server] = chatId.split('@');
      this.chats.set(chatId, new FakeChat({ server, user, _serialized: chatId }));
    }
    return this.chats.get(chatId)!;
  }

  /** A citizen's message left unread in its chat (as after downtime), not emitted. */
  leaveUnread(input: FakeMessageInput): FakeMessage {
    const message = fakeMessage(input, this.info.wid._serialized);
    const chat = this.chat(input.from);
    chat.messages.push(message);
    chat.unreadCount += 1;
    return message;
  }

  /** A citizen's message arriving live: in its chat, and the `message` event. */
  receive(input: FakeMessageInput): FakeMessage {
    const message = this.leaveUnread(input);
    this.emit('message', message);
    return message;
  }

  async getChats(): Promise<FakeChat[]> {
    return [...this.chats.values()];
  }

  async getChatById(chatId: string): Promise<FakeChat> {
    return this.chat(chatId);
  }

  async sendSeen(chatId: string): Promise<boolean> {
    return this.chat(chatId).sendSeen();
  }

  /** As the library does: a text, or a `MessageMedia` whose message body is the caption. */
  async sendMessage(chatId: string, content: unknown, options?: FakeSendOptions): Promise<FakeMessage> {
    if (this.destroyed) throw new Error('Protocol error: Target closed');
    const media = typeof content === 'string' ? undefined : (content as FakeMessageMedia);
    const body = media ? (options?.caption ?? '') : String(content);
    const type = media ? (options?.sendMediaAsDocument ? 'document' : undefined) : undefined;
    const message = fakeMessage({ from: chatId, body, fromMe: true, media, type }, this.info.wid._serialized);
    this.chat(chatId).messages.push(message);
    this.sent.push({ chatId, content, options, message });
    return message;
  }
}

/** The factory tests put in place of the real one: every client it built, the newest last. */
export class FakeWhatsappFactory {
  readonly clients: FakeWhatsappClient[] = [];

  async create(): Promise<FakeWhatsappClient> {
    const client = new FakeWhatsappClient();
    this.clients.push(client);
    return client;
  }

  get current(): FakeWhatsappClient {
    return this.clients[this.clients.length - 1];
  }
}
