import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested, validateSync } from 'class-validator';
import { flattenValidationErrors } from '../http/validation';
import { fieldName } from './field-labels';

enum Kind {
  Sikayet = 'sikayet',
  Talep = 'talep',
}

class Citizen {
  @IsString()
  @Length(2, 160)
  fullName: string;
}

class Sample {
  @IsString()
  @Length(3, 160)
  subject: unknown;

  @IsEnum(Kind)
  kind: unknown;

  @IsInt()
  @Min(1)
  @Max(100)
  pageSize: unknown;

  @IsIn(['available', 'away'])
  state: unknown;

  @IsArray()
  @ArrayMaxSize(2)
  @IsUUID('all', { each: true })
  ids: unknown;

  @IsOptional()
  @Min(2004, { message: 'year: 2004 ile 2100 arasında olmalı' })
  year?: unknown;

  @ValidateNested()
  @Type(() => Citizen)
  citizen: unknown;

  @IsOptional()
  @IsString()
  unlabelledField?: unknown;
}

const messages = (values: Record<string, unknown>) => {
  const sample = Object.assign(new Sample(), { subject: 'Kaldırım', kind: 'sikayet', pageSize: 5, state: 'away', ids: [], citizen: new Citizen(), ...values });
  if (sample.citizen instanceof Citizen && sample.citizen.fullName === undefined) sample.citizen.fullName = 'Ayşe Yılmaz';
  return flattenValidationErrors(validateSync(sample, { whitelist: true, forbidNonWhitelisted: true }));
};

describe('validation messages in Turkish, naming the field by its label and key', () => {
  it('says how long a text must be, the way it is wrong', () => {
    expect(messages({ subject: 'ab' })).toEqual([{ field: 'subject', message: 'Başlık (subject) en az 3 karakter olmalıdır' }]);
    expect(messages({ subject: 'x'.repeat(161) })).toEqual([{ field: 'subject', message: 'Başlık (subject) en fazla 160 karakter olmalıdır' }]);
    expect(messages({ subject: 42 })).toEqual(
      expect.arrayContaining([
        { field: 'subject', message: 'Başlık (subject) metin olmalıdır' },
        { field: 'subject', message: 'Başlık (subject) 3 ile 160 karakter arasında olmalıdır' },
      ]),
    );
  });

  it('lists the allowed values of an enum or a list, and the limits of a number', () => {
    expect(messages({ kind: 'oneri' })).toEqual([{ field: 'kind', message: 'Başvuru türü (kind) şunlardan biri olmalıdır: sikayet, talep' }]);
    expect(messages({ state: 'busy' })).toEqual([{ field: 'state', message: 'Durum (state) şunlardan biri olmalıdır: available, away' }]);
    expect(messages({ pageSize: 500 })).toEqual([{ field: 'pageSize', message: 'Sayfa boyutu (pageSize) en fazla 100 olmalıdır' }]);
    expect(messages({ pageSize: 1.5 })).toEqual([{ field: 'pageSize', message: 'Sayfa boyutu (pageSize) tam sayı olmalıdır' }]);
  });

  it('speaks of each item of a list, and of the list', () => {
    expect(messages({ ids: ['x'] })).toEqual([{ field: 'ids', message: 'Başvurular (ids) listesindeki her öğe geçerli bir kimlik (UUID) olmalıdır' }]);
    expect(messages({ ids: [1, 2, 3].map(() => '7f2c1f8e-4a43-4c1b-9a39-0b4c2f1d8e11') })).toEqual([
      { field: 'ids', message: 'Başvurular (ids) en fazla 2 öğe içermelidir' },
    ]);
  });

  it('names a nested field by its path and its own label', () => {
    const citizen = Object.assign(new Citizen(), { fullName: 'A' });
    expect(messages({ citizen })).toEqual([{ field: 'citizen.fullName', message: 'Ad soyad (fullName) en az 2 karakter olmalıdır' }]);
    expect(messages({ citizen: 5 })).toEqual([{ field: 'citizen', message: 'Vatandaş (citizen) nesne ya da nesne listesi olmalıdır' }]);
  });

  it("keeps a DTO's own wording after the field's name, refuses an unknown field, and names an unlabelled field by its key", () => {
    expect(messages({ year: 1990 })).toEqual([{ field: 'year', message: 'Yıl (year): 2004 ile 2100 arasında olmalı' }]);
    expect(messages({ isAdmin: true })).toEqual([{ field: 'isAdmin', message: 'Bilinmeyen alan (isAdmin) gönderilemez' }]);
    expect(messages({ unlabelledField: 3 })).toEqual([{ field: 'unlabelledField', message: '"unlabelledField" alanı metin olmalıdır' }]);
    expect(fieldName('purpose')).toBe('Amaç (purpose)');
  });
});
