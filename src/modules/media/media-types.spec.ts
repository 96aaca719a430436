import { sniffMediaType } from './media-types';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffMediaType', () => {
  it.each([
    ['image/jpeg', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF')],
    ['image/png', bytes('\x89PNG\r\n\x1a\n', [0, 0, 0, 13])],
    ['image/webp', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 ')],
    ['image/heic', bytes([0, 0, 0, 24], 'ftypheic')],
    ['application/pdf', bytes('%PDF-1.7\n')],
    ['audio/ogg', bytes('OggS', [0, 2])],
    ['audio/wav', bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt ')],
    ['audio/mpeg', bytes('ID3', [4, 0])],
    ['video/mp4', bytes([0, 0, 0, 32], 'ftypisom')],
  ])('recognises %s by its bytes', (type, data) => {
    expect(sniffMediaType(data)?.type).toBe(type);
  });

  it('refuses what is not a photo, document, voice note or video, whatever its name says', () => {
    expect(sniffMediaType(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(sniffMediaType(bytes('MZ', [0x90, 0]))).toBeNull();
    expect(sniffMediaType(Buffer.alloc(0))).toBeNull();
  });
});
