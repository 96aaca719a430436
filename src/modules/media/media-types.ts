/** What a citizen may send: photos, documents, voice notes and short videos, told apart by their bytes. */
interface Signature {
  type: string;
  extension: string;
  matches: (head: Buffer) => boolean;
}

const ascii = (head: Buffer, at: number, text: string) => head.subarray(at, at + text.length).toString('latin1') === text;
const isoBrand = (head: Buffer, brands: string[]) => ascii(head, 4, 'ftyp') && brands.includes(head.subarray(8, 12).toString('latin1'));

const SIGNATURES: Signature[] = [
  { type: 'image/jpeg', extension: 'jpg', matches: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff },
  { type: 'image/png', extension: 'png', matches: (h) => ascii(h, 0, '\x89PNG\r\n\x1a\n') },
  { type: 'image/webp', extension: 'webp', matches: (h) => ascii(h, 0, 'RIFF') && ascii(h, 8, 'WEBP') },
  { type: 'image/heic', extension: 'heic', matches: (h) => isoBrand(h, ['heic', 'heix', 'mif1', 'msf1']) },
  { type: 'application/pdf', extension: 'pdf', matches: (h) => ascii(h, 0, '%PDF-') },
  { type: 'audio/ogg', extension: 'ogg', matches: (h) => ascii(h, 0, 'OggS') },
  { type: 'audio/amr', extension: 'amr', matches: (h) => ascii(h, 0, '#!AMR') },
  { type: 'audio/wav', extension: 'wav', matches: (h) => ascii(h, 0, 'RIFF') && ascii(h, 8, 'WAVE') },
  { type: 'audio/mpeg', extension: 'mp3', matches: (h) => ascii(h, 0, 'ID3') || (h[0] === 0xff && (h[1] & 0xe0) === 0xe0) },
  { type: 'audio/mp4', extension: 'm4a', matches: (h) => isoBrand(h, ['M4A ', 'M4B ']) },
  { type: 'video/mp4', extension: 'mp4', matches: (h) => ascii(h, 4, 'ftyp') },
];

export interface SniffedType {
  type: string;
  extension: string;
}

/** The type the bytes say they are, or null when they are nothing we keep. */
export function sniffMediaType(data: Buffer): SniffedType | null {
  const found = SIGNATURES.find((s) => s.matches(data));
  return found ? { type: found.type, extension: found.extension } : null;
}
