export { MediaErrorCode, MediaRejectedException } from './media-errors';
export { MediaModule } from './media.module';
export { MediaStore, linkMediaToTickets, storedMediaIds } from './media.store';
export type { StoredMedia } from './media.store';
