import { Module } from '@nestjs/common';
import { DefaultMunicipalityLoader } from './default-municipality.loader';
import { MunicipalityProfile } from './municipality-profile';

@Module({ providers: [DefaultMunicipalityLoader, MunicipalityProfile], exports: [DefaultMunicipalityLoader, MunicipalityProfile] })
export class MunicipalityModule {}
