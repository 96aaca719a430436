import { Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppConfig } from '@app/config';

/**
 * Who the municipality is, as citizens read it at the end of every message: its name from the
 * municipality file (the file itself is checked and loaded by the municipality module at boot).
 */
@Injectable()
export class MunicipalityProfile {
  readonly name: string;

  constructor(config: AppConfig) {
    this.name = nameIn(resolve(config.MUNICIPALITY_FILE)) ?? 'Belediye';
  }
}

function nameIn(path: string): string | null {
  try {
    const name = (JSON.parse(readFileSync(path, 'utf8')) as { municipality?: { name?: unknown } }).municipality?.name;
    return typeof name === 'string' && name.trim() ? name.trim() : null;
  } catch {
    return null;
  }
}
