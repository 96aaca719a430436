import { MediaErrorCode, MediaRejectedException } from '../../media';
import { GraphApiError } from './cloud-api-graph.client';
import { fetchFailure, MEDIA_FETCH_ATTEMPTS, nextAttemptAt } from './whatsapp-media-retry';

describe('fetching a WhatsApp file again', () => {
  it.each([
    [new GraphApiError(404, 100, 'Graph API 100: Unsupported get request'), true],
    [new GraphApiError(400, 131052, 'Graph API 131052: Media download error'), true],
    [new MediaRejectedException(MediaErrorCode.TooLarge, 'media', 'media: dosya 10 MB sınırını aşıyor'), true],
    [new GraphApiError(500, 1, 'Graph API 1: An unknown error occurred'), false],
    [new GraphApiError(502, null, 'Graph API: m1 için dosya adresi yok'), false],
    [new GraphApiError(401, 190, 'Graph API 190: Invalid OAuth access token'), false],
    [new GraphApiError(429, 4, 'Graph API 4: Application request limit reached'), false],
    [Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }), false],
    [new TypeError('fetch failed'), false],
  ])('%s is permanent: %s', (error, permanent) => {
    expect(fetchFailure(error).permanent).toBe(permanent);
  });

  it('names a timeout in Turkish and keeps the Graph API message otherwise', () => {
    expect(fetchFailure(Object.assign(new Error('aborted'), { name: 'TimeoutError' })).reason).toBe('Graph API zaman aşımına uğradı');
    expect(fetchFailure(new GraphApiError(404, 100, 'Graph API 100: Unsupported get request')).reason).toBe('Graph API 100: Unsupported get request');
  });

  it('waits longer before each attempt, and gives a last attempt a lease', () => {
    const now = new Date('2026-11-25T07:00:00Z');
    const waits = Array.from({ length: MEDIA_FETCH_ATTEMPTS + 1 }, (_, made) => (nextAttemptAt(now, made).getTime() - now.getTime()) / 60_000);
    expect(waits).toEqual([1, 5, 30, 120, 720, 10]);
  });
});
