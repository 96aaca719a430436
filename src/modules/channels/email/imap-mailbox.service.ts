import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ImapFlow } from 'imapflow';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { Clock } from '@app/common';
import { MailIntake } from './mail-intake.service';
import { ImapSettings, imapSettingsOf } from './mail-settings';

const BACKOFF_MIN_MS = 1000;
const BACKOFF_MAX_MS = 60_000;
// A safety net for servers that miss an EXISTS notice while idling.
const POLL_MS = 60_000;

/**
 * Reads the citizens' mailbox in worker processes: one IMAP connection at a time, in IDLE between
 * messages, rebuilt with backoff after every disconnect. Each message is stored as an inbound
 * event before the cursor moves past its UID, so a crash re-reads at most one message, and the
 * unique Message-ID makes that re-read a no-op. The mailbox is opened read-only.
 */
@Injectable()
export class ImapMailbox implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ImapMailbox.name);
  private readonly settings: ImapSettings | null;
  private stopped = false;
  private client: ImapFlow | null = null;
  private loop?: Promise<void>;
  private interrupt = () => {};

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailIntake,
    private readonly clock: Clock,
  ) {
    this.settings = imapSettingsOf(config);
  }

  onApplicationBootstrap(): void {
    if (!this.settings || this.config.APP_ROLE === 'api') return;
    this.loop = this.supervise(this.settings);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.interrupt();
    this.client?.close();
    await this.loop;
  }

  private async supervise(settings: ImapSettings): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        await this.session(settings, () => (failures = 0));
      } catch (error) {
        if (!this.stopped) this.logger.warn({ msg: 'IMAP connection failed', mailbox: settings.mailbox, error: (error as Error).message });
      }
      if (this.stopped) break;
      failures += 1;
      await this.pause(Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** (failures - 1)));
    }
  }

  /** One connection: read what is new, then idle until the server announces more or the connection ends. */
  private async session(settings: ImapSettings, connected: () => void): Promise<void> {
    const client = new ImapFlow({ ...settings.connection, logger: false });
    this.client = client;
    let pending = true;
    let wake = () => {};
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    client.on('error', (error: Error) => this.logger.warn({ msg: 'IMAP error', error: error.message }));
    client.on('exists', () => {
      pending = true;
      wake();
    });
    try {
      await client.connect();
      const lock = await client.getMailboxLock(settings.mailbox, { readOnly: true });
      connected();
      try {
        while (!this.stopped && client.usable) {
          if (pending) {
            pending = false;
            await this.drain(client, settings);
            continue;
          }
          // imapflow would idle by itself only after a pause; the next command ends the IDLE.
          void client.idle().catch(() => undefined);
          await new Promise<void>((resolve) => {
            const timer = setTimeout(() => ((pending = true), resolve()), POLL_MS);
            wake = () => (clearTimeout(timer), resolve());
            void closed.then(wake);
          });
        }
      } finally {
        if (client.usable) lock.release();
      }
    } finally {
      this.client = null;
      client.close();
    }
  }

  private async drain(client: ImapFlow, settings: ImapSettings): Promise<void> {
    const mailbox = client.mailbox;
    if (!mailbox) throw new Error(`${settings.mailbox} is not open`);
    const validity = String(mailbox.uidValidity);
    const last = await this.cursor(settings.key, validity);
    // `n:*` also matches the newest message when it is below n, hence the filter.
    const found = (await client.search({ uid: `${last + 1}:*` }, { uid: true })) || [];
    for (const uid of found.filter((u) => u > last).sort((a, b) => a - b)) {
      if (this.stopped) return;
      const message = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
      if (message && message.source) await this.mail.accept(message.source);
      await this.dataSource.query('UPDATE mailbox_cursors SET last_uid = $3, updated_at = $4 WHERE mailbox = $1 AND uid_validity = $2 AND last_uid < $3', [
        settings.key,
        validity,
        uid,
        this.clock.now(),
      ]);
    }
  }

  /** The last UID read under this UIDVALIDITY; a new UIDVALIDITY starts the mailbox over. */
  private async cursor(key: string, validity: string): Promise<number> {
    const [row]: { last_uid: string }[] = await this.dataSource.query(
      `INSERT INTO mailbox_cursors (mailbox, uid_validity, last_uid, updated_at) VALUES ($1, $2, 0, $3)
       ON CONFLICT (mailbox) DO UPDATE SET uid_validity = excluded.uid_validity, last_uid = 0, updated_at = excluded.updated_at
         WHERE mailbox_cursors.uid_validity <> excluded.uid_validity
       RETURNING last_uid`,
      [key, validity, this.clock.now()],
    );
    if (row) {
      this.logger.log({ msg: 'reading mailbox from the start', mailbox: key, uidValidity: validity });
      return 0;
    }
    const [current] = await this.dataSource.query('SELECT last_uid FROM mailbox_cursors WHERE mailbox = $1', [key]);
    return Number(current.last_uid);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.interrupt = () => (clearTimeout(timer), resolve());
    });
  }
}
