import { Injectable } from '@nestjs/common';
import { resolve } from 'node:path';
import { AppConfig } from '@app/config';
import { readMunicipalityFile } from './default-municipality.loader';

/** Who the municipality is, as citizens read it at the end of every message. */
@Injectable()
export class MunicipalityProfile {
  readonly name: string;

  constructor(config: AppConfig) {
    const about = readMunicipalityFile(resolve(config.MUNICIPALITY_FILE)).municipality ?? {};
    this.name = typeof about.name === 'string' && about.name.trim() ? about.name.trim() : 'Belediye';
  }
}
