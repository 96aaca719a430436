import { Module } from '@nestjs/common';
import { DefaultMunicipalityLoader } from './default-municipality.loader';

@Module({ providers: [DefaultMunicipalityLoader], exports: [DefaultMunicipalityLoader] })
export class MunicipalityModule {}
