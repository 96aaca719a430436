/** What a file on a ticket is, for the ticket page: a photo to view, a recording to play, a video, or a document to download. */
export type AttachmentKind = 'image' | 'audio' | 'video' | 'document';

export function attachmentKind(contentType: string): AttachmentKind {
  const [type] = contentType.split('/');
  return type === 'image' || type === 'audio' || type === 'video' ? type : 'document';
}

/** A file the ticket carries; its bytes come from `GET /media/:id`, which checks the ticket's access again. */
export function attachmentView(file: { id: string; contentType: string; filename: string | null; size: number; createdAt: Date; source: string }) {
  return {
    id: file.id,
    kind: attachmentKind(file.contentType),
    contentType: file.contentType,
    filename: file.filename,
    size: file.size,
    createdAt: file.createdAt,
    source: file.source,
    url: `/api/v1/media/${file.id}`,
  };
}
