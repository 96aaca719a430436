import type { Response } from 'express';
import { ReadStream } from 'node:fs';
import { MediaFile } from './media-file.entity';

/**
 * Sends an opened file: its sniffed type, never sniffed again by the browser, and a PDF shown
 * inside a sandbox (no scripts, no same-origin access to the app). `inline` to view on the
 * ticket page, `attachment` to download (a citizen's link).
 */
export function sendStoredFile(res: Response, opened: { file: MediaFile; stream: ReadStream }, disposition: 'inline' | 'attachment'): void {
  const { file, stream } = opened;
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Length', String(file.size));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', 'sandbox');
  res.setHeader('Content-Disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(file.filename ?? file.id)}`);
  stream.pipe(res);
}
