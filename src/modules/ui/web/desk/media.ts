import { apiObjectUrl } from './deps';

/** A media file fetched with the bearer token (never a URL with the token in it), as an object URL. */
export const mediaUrl = (id: string): Promise<string> => apiObjectUrl(`/media/${encodeURIComponent(id)}`);

export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
