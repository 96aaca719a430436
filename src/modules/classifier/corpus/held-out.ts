/**
 * Which corpus messages are held out: fixed by the text itself, before any model was trained,
 * so that a municipality adding messages never moves an old one between the parts. One in five
 * (by an FNV-1a hash of the NFC text) is never trained on, tuned on or used to pick the
 * threshold; it is only scored, once per model, to report how well the model does.
 */
export function isHeldOut(text: string): boolean {
  return fnv1a(text.normalize('NFC').trim()) % 5 === 0;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
