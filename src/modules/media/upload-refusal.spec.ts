import { DomainException, ErrorKind, toHttpError } from '@app/common';
import { uploadRefusal, UploadProblem } from './upload-refusal';

const tooLarge = (field: string) => new DomainException('MEDIA_TOO_LARGE', ErrorKind.TooLarge, `${field}: büyük`, [{ field, message: 'büyük' }]);
const photos = { field: 'photos', max: 3, noun: 'fotoğraf' };
const refused = (problem: UploadProblem) => toHttpError(uploadRefusal(problem, photos, tooLarge));

describe('uploadRefusal', () => {
  it('turns what the multipart reader refused into field-naming Turkish errors', () => {
    expect(refused({ kind: 'fileTooLarge', field: 'photos' })).toMatchObject({ statusCode: 413, details: [{ field: 'photos' }] });
    expect(refused({ kind: 'tooManyFiles' })).toMatchObject({
      statusCode: 400,
      details: [{ field: 'photos', message: 'photos: en fazla 3 fotoğraf eklenebilir' }],
    });
    expect(refused({ kind: 'unexpectedFile', field: 'description' })).toMatchObject({
      statusCode: 400,
      details: [{ field: 'description', message: 'description: bu alanda dosya gönderilemez' }],
    });
    expect(refused({ kind: 'valueTooLong', field: 'address' }).details).toEqual([{ field: 'address', message: 'address: değer çok uzun' }]);
    expect(refused({ kind: 'invalidForm' }).details).toEqual([{ message: 'Form çok fazla veya geçersiz alan içeriyor' }]);
  });

  it('says in Turkish that a malformed body could not be read', () => {
    expect(refused({ kind: 'unreadable' })).toMatchObject({
      statusCode: 400,
      message: 'Geçersiz istek',
      details: [{ message: expect.stringContaining('okunamadı') }],
    });
  });
});
