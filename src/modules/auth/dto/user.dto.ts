import { OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsEnum, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageQueryDto } from '@app/common';
import { Role } from '@app/domain';

export class CreateUserDto {
  @Matches(/^[a-z0-9][a-z0-9._-]{2,59}$/, { message: 'username: 3–60 küçük harf, rakam, nokta, alt çizgi ya da tire olmalı' })
  username: string;

  @IsString()
  @Length(2, 120)
  fullName: string;

  @IsOptional()
  @IsEmail()
  email?: string | null;

  @IsOptional()
  @Matches(/^\+[1-9]\d{7,14}$/, { message: 'phone: uluslararası biçimde (E.164) olmalı, ör. +905321234567' })
  phone?: string | null;

  @IsEnum(Role)
  role: Role;

  /** Required for department roles. */
  @IsOptional()
  @IsUUID()
  departmentId?: string | null;

  @IsString()
  @Length(10, 200, { message: 'password: 10 ile 200 karakter arasında olmalı' })
  password: string;

  @IsOptional()
  @IsBoolean()
  available?: boolean;
}

export class UpdateUserDto extends PartialType(OmitType(CreateUserDto, ['username'] as const)) {
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class ListUsersDto extends PageQueryDto {
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @IsOptional()
  @IsUUID()
  departmentId?: string;
}
