import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Message } from 'whatsapp-web.js';
import { AppConfig } from '@app/config';
import { Clock } from '@app/common';
import { OutboundMessages } from '../../notifications';
import { WhatsappClientStatus, WhatsappStatusStore } from './whatsapp-status.store';
import { WHATSAPP_CLIENT_FACTORY, WhatsappClient, WhatsappClientFactory } from './wwebjs-client.factory';
import { WwebjsInbound } from './wwebjs-inbound.service';
import { WwebjsLease } from './wwebjs-lease';
import { ackState } from './wwebjs-message';

const HEARTBEAT_MS = 30_000;

/**
 * The one whatsapp-web.js client of the hotline number, in the worker holding the lease. A disconnect
 * or a failed start destroys it and builds a new one after an exponential, capped backoff; on
 * `ready` the unread chats are swept so nothing sent while it was down is lost.
 */
@Injectable()
export class WwebjsSupervisor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WwebjsSupervisor.name);
  private client: WhatsappClient | null = null;
  private ready = false;
  /** Bumped for every client, so events of a replaced client are ignored. */
  private generation = 0;
  private failures = 0;
  private stopped = false;
  private restartTimer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private leased = false;
  private status: WhatsappClientStatus;

  constructor(
    private readonly config: AppConfig,
    @Inject(WHATSAPP_CLIENT_FACTORY) private readonly factory: WhatsappClientFactory,
    private readonly statusStore: WhatsappStatusStore,
    private readonly inbound: WwebjsInbound,
    private readonly outbox: OutboundMessages,
    private readonly lease: WwebjsLease,
    private readonly clock: Clock,
  ) {
    this.status = { state: 'starting', qr: null, qrIssuedAt: null, number: null, lastError: null, since: this.clock.now().toISOString() };
  }

  onApplicationBootstrap(): void {
    if (this.config.WHATSAPP_PROVIDER !== 'wwebjs' || this.config.APP_ROLE === 'api') return;
    this.heartbeat = setInterval(() => void this.tick(), HEARTBEAT_MS);
    void this.tick();
  }

  /** Keeps the lease and the published status fresh; starts the client when the lease comes to this worker. */
  private async tick(): Promise<void> {
    if (this.stopped) return;
    const held = await this.lease.hold().catch(() => this.leased);
    if (held && !this.leased) {
      this.leased = true;
      return this.start();
    }
    if (!held && this.leased) {
      // Lost to another worker (this one stalled past the lease): it runs the client now.
      this.leased = false;
      this.generation += 1;
      this.ready = false;
      if (this.restartTimer) clearTimeout(this.restartTimer);
      void this.client?.destroy().catch(() => undefined);
      this.client = null;
      return;
    }
    if (held) await this.publish();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.generation += 1;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    await this.client?.destroy().catch(() => undefined);
    if (this.leased) await this.lease.release().catch(() => undefined);
  }

  /** The connected client; otherwise an ordinary error, so the outbox tries again later. */
  readyClient(): WhatsappClient {
    if (!this.leased) throw new Error('WhatsApp istemcisi başka bir işçi sürecinde çalışıyor');
    if (!this.client || !this.ready) throw new Error('WhatsApp istemcisi bağlı değil (eşleştirme veya yeniden bağlanma bekleniyor)');
    return this.client;
  }

  private async start(): Promise<void> {
    const generation = ++this.generation;
    this.ready = false;
    await this.update({ state: 'starting', qr: null, qrIssuedAt: null });
    try {
      const client = await this.factory.create();
      if (generation !== this.generation) return void client.destroy().catch(() => undefined);
      this.client = client;
      this.listen(client, generation);
      await client.initialize();
    } catch (error) {
      this.restart(generation, `başlatılamadı: ${(error as Error).message}`);
    }
  }

  private listen(client: WhatsappClient, generation: number): void {
    const current = () => generation === this.generation && !this.stopped;
    client.on('qr', (qr: string) => {
      if (current()) void this.update({ state: 'qr', qr, qrIssuedAt: this.clock.now().toISOString() });
    });
    client.on('ready', () => {
      if (current()) void this.onReady(client);
    });
    client.on('auth_failure', (message: string) => current() && this.restart(generation, `oturum doğrulanamadı: ${message}`));
    client.on('disconnected', (reason: string) => current() && this.restart(generation, `bağlantı koptu: ${reason}`));
    client.on('message', (message: Message) => {
      if (current()) this.inbound.receive(client, message).catch((error) => this.warn('inbound WhatsApp message not stored', error));
    });
    client.on('message_ack', (message: Message, ack: number) => {
      if (current()) this.onAck(message, ack).catch((error) => this.warn('WhatsApp ack not applied', error));
    });
  }

  private async onReady(client: WhatsappClient): Promise<void> {
    this.ready = true;
    this.failures = 0;
    await this.update({ state: 'ready', qr: null, qrIssuedAt: null, number: client.info?.wid?.user ?? null, lastError: null });
    await this.inbound.sweep(client).catch((error) => this.warn('unread WhatsApp chats not swept', error));
  }

  private async onAck(message: Message, ack: number): Promise<void> {
    const state = ackState(ack);
    if (!message.id.fromMe || !state) return;
    await this.outbox.delivery({ provider: 'wwebjs', providerId: message.id._serialized }, state, ack === -1 ? 'WhatsApp mesajı iletemedi (ack -1)' : null);
  }

  /** Destroys the client and builds a new one after 2^n × WHATSAPP_RESTART_MIN_MS, at most the max. */
  private restart(generation: number, reason: string): void {
    if (generation !== this.generation || this.stopped || !this.leased) return;
    this.generation += 1;
    this.ready = false;
    const old = this.client;
    this.client = null;
    void old?.destroy().catch(() => undefined);
    const delay = Math.min(this.config.WHATSAPP_RESTART_MAX_MS, this.config.WHATSAPP_RESTART_MIN_MS * 2 ** this.failures);
    this.failures += 1;
    this.logger.warn({ msg: 'WhatsApp client down; rebuilding', reason, delayMs: delay, attempt: this.failures });
    void this.update({ state: 'disconnected', qr: null, qrIssuedAt: null, lastError: reason });
    this.restartTimer = setTimeout(() => void (this.leased && this.start()), delay);
  }

  private async update(patch: Partial<WhatsappClientStatus>): Promise<void> {
    const changed = patch.state !== undefined && patch.state !== this.status.state;
    this.status = { ...this.status, ...patch, ...(changed ? { since: this.clock.now().toISOString() } : {}) };
    await this.publish();
  }

  private publish(): Promise<void> {
    return this.statusStore.set(this.status).catch((error) => this.warn('WhatsApp status not published', error));
  }

  private warn(msg: string, error: unknown): void {
    this.logger.warn({ msg, error: (error as Error).message });
  }
}
