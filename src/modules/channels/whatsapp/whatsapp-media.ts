import { WhatsappMediaRef } from '../../intake';
import { MediaRejectedException, MediaStore } from '../../media';

/** What the adapters add to a stored message: the saved file, why it was not kept, or why it is still to be fetched. */
export type WhatsappMediaOutcome = { media: WhatsappMediaRef } | { mediaRefused: string } | { mediaPending: string };

/**
 * Keeps a file a citizen sent on WhatsApp. A refused one (too big, wrong type) does not stop the
 * message: the reason is stored instead and the ticket says a file could not be taken.
 */
export async function saveWhatsappMedia(store: MediaStore, data: Buffer, filename?: string | null): Promise<WhatsappMediaOutcome> {
  try {
    const stored = await store.save('whatsapp', { data, filename, field: 'media' });
    return { media: { url: stored.url, mimetype: stored.contentType, filename: stored.filename, size: stored.size } };
  } catch (error) {
    if (error instanceof MediaRejectedException) return { mediaRefused: error.message };
    throw error;
  }
}
