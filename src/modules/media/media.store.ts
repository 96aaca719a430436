import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, ReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { EntityManager, In, Repository } from 'typeorm';
import { AppConfig } from '@app/config';
import { ResourceNotFoundException } from '@app/common';
import { MediaErrorCode, MediaRejectedException } from './media-errors';
import { MediaFile } from './media-file.entity';
import { sniffMediaType } from './media-types';

/** How a stored file is referred to from a ticket's timeline. */
export interface StoredMedia {
  id: string;
  url: string;
  contentType: string;
  size: number;
  filename?: string;
}

export interface IncomingFile {
  data: Buffer;
  filename?: string | null;
  /** The form field or attachment name, so a refusal names it. */
  field: string;
}

/**
 * Keeps what citizens send. The type comes from the bytes, not the name or the declared type,
 * so a script renamed to .jpg is refused; identical files are stored once on disk.
 */
@Injectable()
export class MediaStore {
  private readonly root: string;

  constructor(
    private readonly config: AppConfig,
    @InjectRepository(MediaFile) private readonly files: Repository<MediaFile>,
  ) {
    this.root = resolve(config.MEDIA_DIR);
  }

  /** Refuses (413/415 naming the field) before anything is written. */
  check(file: IncomingFile): { type: string; extension: string } {
    if (file.data.length > this.config.MEDIA_MAX_BYTES) throw this.tooLarge(file.field);
    const sniffed = sniffMediaType(file.data);
    if (!sniffed) {
      throw new MediaRejectedException(
        MediaErrorCode.UnsupportedType,
        file.field,
        `${file.field}: yalnızca fotoğraf (JPEG, PNG, WebP, HEIC), PDF, ses ve video dosyaları kabul edilir`,
      );
    }
    return sniffed;
  }

  /** The refusal of a file over MEDIA_MAX_BYTES, also for uploads stopped before they were read whole. */
  tooLarge(field: string): MediaRejectedException {
    const bytes = this.config.MEDIA_MAX_BYTES;
    const limit = bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(0)} MB` : `${Math.floor(bytes / 1024)} KB`;
    return new MediaRejectedException(MediaErrorCode.TooLarge, field, `${field}: dosya ${limit} sınırını aşıyor`);
  }

  /** Keeps the file as `save` does, already given to the ticket (a document staff attach to it). */
  saveForTicket(source: string, ticketId: string, file: IncomingFile): Promise<MediaFile> {
    return this.store(source, file, ticketId);
  }

  async save(source: string, file: IncomingFile): Promise<StoredMedia> {
    return toStored(await this.store(source, file, null));
  }

  private async store(source: string, file: IncomingFile, ticketId: string | null): Promise<MediaFile> {
    const { type } = this.check(file);
    const sha256 = createHash('sha256').update(file.data).digest('hex');
    const path = this.pathOf(sha256);
    if (!(await exists(path))) {
      await mkdir(dirname(path), { recursive: true });
      // Written aside and renamed, so a crash never leaves half a file under the final name.
      const partial = `${path}.${randomBytes(4).toString('hex')}.part`;
      await writeFile(partial, file.data);
      await rename(partial, path);
    }
    return this.files.save(this.files.create({ source, sha256, contentType: type, size: file.data.length, filename: cleanName(file.filename), ticketId }));
  }

  /** The file, if `mayRead` allows it; otherwise, as when there is none, a 404 that tells nothing. */
  async open(id: string, mayRead: (file: MediaFile) => Promise<boolean>): Promise<{ file: MediaFile; stream: ReadStream }> {
    const file = await this.files.findOneBy({ id });
    if (!file || !(await mayRead(file))) throw new ResourceNotFoundException('Dosya');
    return { file, stream: createReadStream(this.pathOf(file.sha256)) };
  }

  /**
   * The files of a ticket among `ids`, in the order asked: what a message to its citizen
   * carries. A file of another ticket (or of none) is left out.
   */
  async ofTicketByIds(ticketId: string | null, ids: string[]): Promise<MediaFile[]> {
    if (!ticketId || !ids.length) return [];
    const files = await this.files.find({ where: { ticketId, id: In(ids) } });
    return ids.map((id) => files.find((f) => f.id === id)).filter((f): f is MediaFile => !!f);
  }

  /** A stored file's bytes, for a sender that hands them to its provider. */
  read(file: MediaFile): Promise<Buffer> {
    return readFile(this.pathOf(file.sha256));
  }

  /** The files a ticket carries, oldest first (its attachments). */
  ofTicket(ticketId: string): Promise<MediaFile[]> {
    return this.files.find({ where: { ticketId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /**
   * Deletes from disk the files no stored row points at any more (after their rows were deleted
   * and committed: a KVKK erasure). Identical files are kept once, so another row may still need one.
   */
  async removeUnreferenced(sha256s: string[]): Promise<number> {
    if (!sha256s.length) return 0;
    const used: { sha256: string }[] = await this.files.query(`SELECT DISTINCT sha256 FROM media_files WHERE sha256 = ANY($1)`, [sha256s]);
    const keep = new Set(used.map((u) => u.sha256));
    const gone = [...new Set(sha256s)].filter((sha) => !keep.has(sha));
    await Promise.all(gone.map((sha) => rm(this.pathOf(sha), { force: true })));
    return gone.length;
  }

  private pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256);
  }
}

const MEDIA_URL = /^\/api\/v1\/media\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The ids of the files kept here among a message's media (others are providers' URLs). */
export function storedMediaIds(media: { url?: string }[]): string[] {
  return media.map((m) => MEDIA_URL.exec(m.url ?? '')?.[1]).filter((id): id is string => !!id);
}

/**
 * Gives files to the tickets whose timelines now carry them, in one statement. A file that
 * belongs to a ticket already keeps it: a payload naming someone else's file gains nothing.
 */
export async function linkMediaToTickets(manager: EntityManager, links: { mediaId: string; ticketId: string }[]): Promise<void> {
  if (!links.length) return;
  await manager.query(
    `UPDATE media_files m SET ticket_id = x.ticket_id
       FROM unnest($1::uuid[], $2::uuid[]) AS x(media_id, ticket_id)
      WHERE m.id = x.media_id AND m.ticket_id IS NULL`,
    [links.map((l) => l.mediaId), links.map((l) => l.ticketId)],
  );
}

/** The files among `ids` that `ticketId` carries, in the order asked, read on the caller's transaction. */
export async function filesOfTicket(manager: EntityManager, ticketId: string, ids: string[]): Promise<StoredMedia[]> {
  if (!ids.length) return [];
  const rows = await manager.find(MediaFile, { where: { ticketId, id: In(ids) } });
  return ids
    .map((id) => rows.find((r) => r.id === id))
    .filter((r): r is MediaFile => !!r)
    .map(toStored);
}

export function toStored(row: MediaFile): StoredMedia {
  return {
    id: row.id,
    url: `/api/v1/media/${row.id}`,
    contentType: row.contentType,
    size: row.size,
    ...(row.filename ? { filename: row.filename } : {}),
  };
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Only the base name, without control characters, at most 200 characters. */
function cleanName(name?: string | null): string | null {
  // eslint-disable-next-line no-control-regex -- control characters are what is taken out of a file name
  const CONTROL = /[\u0000-\u001f\u007f]/g;
  const base = name?.split(/[\\/]/).pop()?.replace(CONTROL, '').trim();
  return base ? base.slice(0, 200) : null;
}
