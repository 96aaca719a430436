import { ChildProcess, spawn } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { freePort } from './free-port';
import { waitFor } from './wait-for';

/**
 * A private Dovecot IMAP server on loopback (Debian's dovecot-imapd), with its own config, mail
 * directory and user under a temp dir; the system's /etc/dovecot and its service are not touched.
 * Stopping and starting it again keeps the mailbox (and its UIDVALIDITY).
 */
export class OwnDovecot {
  readonly user = 'cozum@belediye.test';
  readonly password = 'imap-test-password';
  private dir = '';
  private process?: ChildProcess;
  port = 0;

  get url(): string {
    return `imap://${encodeURIComponent(this.user)}:${this.password}@127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (!this.dir) await this.prepare();
    const child = spawn('dovecot', ['-F', '-c', join(this.dir, 'dovecot.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    this.process = child;
    await waitFor(
      `dovecot on ${this.port}`,
      async () => {
        if (child.exitCode !== null) throw new Error(`dovecot exited ${child.exitCode}: ${stderr}`);
        const client = this.client();
        try {
          await client.connect();
          await client.logout();
          return true;
        } finally {
          client.close();
        }
      },
      10_000,
      100,
    );
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  /** Stops the server and removes its directory. */
  async destroy(): Promise<void> {
    await this.stop();
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }

  /** Delivers a raw message into INBOX the way a mail client saves one: IMAP APPEND. */
  async append(raw: string | Buffer): Promise<void> {
    const client = this.client();
    try {
      await client.connect();
      await client.append('INBOX', raw);
      await client.logout();
    } finally {
      client.close();
    }
  }

  private client(): ImapFlow {
    const client = new ImapFlow({ host: '127.0.0.1', port: this.port, secure: false, auth: { user: this.user, pass: this.password }, logger: false });
    client.on('error', () => undefined);
    return client;
  }

  private async prepare(): Promise<void> {
    this.dir = await mkdtemp(join(tmpdir(), 'cm-dovecot-'));
    // The mail processes run as the mail user, who must reach the mail directory inside.
    await chmod(this.dir, 0o755);
    this.port = await freePort();
    const mail = join(this.dir, 'mail');
    await mkdir(join(this.dir, 'run', 'state'), { recursive: true });
    await mkdir(mail);
    // Dovecot refuses to keep mail as root: as root the mail belongs to nobody, otherwise to us.
    const root = process.getuid?.() === 0;
    const { uid, gid, username } = root ? { uid: 65534, gid: 65534, username: '' } : userInfo();
    if (root) await chown(mail, uid, gid);
    await writeFile(join(this.dir, 'users'), `${this.user}:{PLAIN}${this.password}:${uid}:${gid}::${mail}\n`);
    await writeFile(join(this.dir, 'dovecot.conf'), config(this.dir, this.port, root ? null : username));
  }
}

function config(dir: string, port: number, unprivilegedUser: string | null): string {
  return `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/run/state
instance_name = cm-dovecot-${port}
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/Maildir
first_valid_uid = 1
${unprivilegedUser ? `default_login_user = ${unprivilegedUser}\ndefault_internal_user = ${unprivilegedUser}\n` : ''}passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = passwd-file
  args = username_format=%u ${dir}/users
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`;
}
