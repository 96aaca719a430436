import type { FastifyReply } from 'fastify';
import { ReadStream } from 'node:fs';
import { MediaFile } from './media-file.entity';

/**
 * Sends an opened file: its sniffed type, never sniffed again by the browser, and a PDF shown
 * inside a sandbox (no scripts, no same-origin access to the app). `inline` to view on the
 * ticket page, `attachment` to download (a citizen's link).
 */
export function sendStoredFile(res: FastifyReply, opened: { file: MediaFile; stream: ReadStream }, disposition: 'inline' | 'attachment'): FastifyReply {
  const { file, stream } = opened;
  return res
    .headers({
      'Content-Type': file.contentType,
      'Content-Length': String(file.size),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': 'sandbox',
      'Content-Disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(file.filename ?? file.id)}`,
    })
    .send(stream);
}
