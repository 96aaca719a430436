import { gunzipSync, gzipSync } from 'node:zlib';
import { LinearModelData } from './linear-model';

/**
 * A model as stored in `classifier_models.model`: gzip of a length-prefixed JSON header
 * (labels, features, calibration) followed by the weights and biases as float32.
 */
export function encodeModel(model: LinearModelData): Buffer {
  const { weights, bias, ...header } = model;
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  return gzipSync(
    Buffer.concat([
      length,
      json,
      Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength),
      Buffer.from(bias.buffer, bias.byteOffset, bias.byteLength),
    ]),
  );
}

export function decodeModel(stored: Buffer): LinearModelData {
  const raw = gunzipSync(stored);
  const length = raw.readUInt32LE(0);
  const header = JSON.parse(raw.subarray(4, 4 + length).toString('utf8')) as Omit<LinearModelData, 'weights' | 'bias'>;
  const width = header.labels.length;
  const floats = (offset: number, count: number) => {
    // Copied so that the array is aligned whatever the buffer's offset.
    const copy = new Float32Array(count);
    new Uint8Array(copy.buffer).set(raw.subarray(offset, offset + count * 4));
    return copy;
  };
  const weightCount = header.features.length * width;
  const start = 4 + length;
  const weights = floats(start, weightCount);
  const bias = floats(start + weightCount * 4, width);
  if (start + (weightCount + width) * 4 !== raw.length) throw new Error('classifier model: stored size does not match its header');
  return { ...header, weights, bias };
}
