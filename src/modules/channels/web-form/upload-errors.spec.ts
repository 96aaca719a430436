import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import { DomainException, ErrorKind, toHttpError } from '@app/common';
import { uploadError } from './upload-errors';

const tooLarge = (field: string) => new DomainException('MEDIA_TOO_LARGE', ErrorKind.TooLarge, `${field}: büyük`, [{ field, message: 'büyük' }]);
const multer = (Exception: typeof BadRequestException, code: string, field?: string) =>
  new Exception('x', { cause: Object.assign(new Error(code), { code, field }) });

describe('uploadError', () => {
  it('turns multer refusals into field-naming Turkish errors', () => {
    expect(toHttpError(uploadError(multer(PayloadTooLargeException, 'LIMIT_FILE_SIZE', 'photos'), 3, tooLarge))).toMatchObject({
      statusCode: 413,
      details: [{ field: 'photos' }],
    });
    expect(toHttpError(uploadError(multer(BadRequestException, 'LIMIT_FILE_COUNT', 'photos'), 3, tooLarge))).toMatchObject({
      statusCode: 400,
      details: [{ field: 'photos', message: 'photos: en fazla 3 fotoğraf eklenebilir' }],
    });
    expect(toHttpError(uploadError(multer(BadRequestException, 'LIMIT_UNEXPECTED_FILE', 'description'), 3, tooLarge))).toMatchObject({
      statusCode: 400,
      details: [{ field: 'description', message: 'description: bu alanda dosya gönderilemez' }],
    });
    expect(toHttpError(uploadError(multer(BadRequestException, 'LIMIT_FIELD_VALUE', 'address'), 3, tooLarge)).details).toEqual([
      { field: 'address', message: 'address: değer çok uzun' },
    ]);
  });

  it('says in Turkish that a malformed body could not be read', () => {
    const cutOff = new BadRequestException('Multipart: Unexpected end of form', { cause: new Error('Unexpected end of form') });
    expect(toHttpError(uploadError(cutOff, 3, tooLarge))).toMatchObject({
      statusCode: 400,
      message: 'Geçersiz istek',
      details: [{ message: expect.stringContaining('okunamadı') }],
    });
  });

  it('leaves other errors alone', () => {
    const other = new BadRequestException('kendi hatası');
    expect(uploadError(other, 3, tooLarge)).toBe(other);
    const plain = new Error('disk');
    expect(uploadError(plain, 3, tooLarge)).toBe(plain);
  });
});
