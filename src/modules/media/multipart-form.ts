import type { FastifyRequest } from 'fastify';
import appendField from 'append-field';
import type { UploadProblem } from './upload-refusal';

/** A file of a multipart request, held in memory until MediaStore checks and keeps it. */
export interface UploadedFile {
  fieldname: string;
  originalname: string;
  mimetype: string;
  buffer: Buffer;
  size: number;
}

/** busboy's limits of a multipart request, as multer took them. */
export interface MultipartLimits {
  fileSize: number;
  files: number;
  fields: number;
  fieldSize?: number;
  parts: number;
}

export class UploadProblemError extends Error {
  constructor(readonly problem: UploadProblem) {
    super(problem.kind);
  }
}

/**
 * Reads a multipart/form-data request: its text fields into an object (`a[b]` and `a[]` names
 * nested as multer read them) and its files, which only `fileField` may carry, into memory. A
 * file input left empty is skipped.
 */
export async function readMultipart(
  request: FastifyRequest,
  fileField: string,
  limits: MultipartLimits,
): Promise<{ fields: Record<string, unknown>; files: UploadedFile[] }> {
  const fields: Record<string, unknown> = Object.create(null);
  const files: UploadedFile[] = [];
  let current = fileField;
  try {
    for await (const part of request.parts({ limits })) {
      if (part.type === 'field') {
        if (part.fieldnameTruncated) throw new UploadProblemError({ kind: 'invalidForm' });
        if (part.valueTruncated) throw new UploadProblemError({ kind: 'valueTooLong', field: part.fieldname });
        appendField(fields, part.fieldname, part.value);
        continue;
      }
      if (!part.filename) {
        part.file.resume();
        continue;
      }
      if (part.fieldname !== fileField) throw new UploadProblemError({ kind: 'unexpectedFile', field: part.fieldname });
      current = part.fieldname;
      const buffer = await part.toBuffer();
      if (part.file.truncated) throw new UploadProblemError({ kind: 'fileTooLarge', field: current });
      files.push({ fieldname: part.fieldname, originalname: part.filename, mimetype: part.mimetype, buffer, size: buffer.length });
    }
  } catch (error) {
    // The rest of the body is read and dropped, so the client gets the answer rather than a reset.
    request.raw.unpipe();
    request.raw.resume();
    throw error instanceof UploadProblemError ? error : new UploadProblemError(problemOf(error, current));
  }
  return { fields, files };
}

/** @fastify/multipart's (busboy's) refusals; a body busboy cannot parse is unreadable. */
function problemOf(error: unknown, field: string): UploadProblem {
  switch ((error as { code?: unknown }).code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return { kind: 'fileTooLarge', field };
    case 'FST_FILES_LIMIT':
      return { kind: 'tooManyFiles' };
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_PROTO_VIOLATION':
      return { kind: 'invalidForm' };
    default:
      return { kind: 'unreadable' };
  }
}
