import { Injectable } from '@nestjs/common';
import { resolve } from 'node:path';
import type { Client } from 'whatsapp-web.js';
import { AppConfig } from '@app/config';

/** The part of whatsapp-web.js's `Client` the adapter uses; a test substitutes a stand-in. */
export type WhatsappClient = Pick<Client, 'on' | 'initialize' | 'destroy' | 'sendMessage' | 'sendSeen' | 'getChats' | 'getChatById'> & {
  info?: Client['info'];
};

export interface WhatsappClientFactory {
  create(): Promise<WhatsappClient>;
}

export const WHATSAPP_CLIENT_FACTORY = Symbol('WHATSAPP_CLIENT_FACTORY');

// Running as root in a container: Chromium refuses to start sandboxed, and /dev/shm is small.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-setuid-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run', '--no-zygote'];

/** A real whatsapp-web.js client on the system's Chromium, its session kept under WHATSAPP_DATA_DIR. */
@Injectable()
export class WwebjsClientFactory implements WhatsappClientFactory {
  constructor(private readonly config: AppConfig) {}

  async create(): Promise<WhatsappClient> {
    // Loaded only where the client runs: the API process never needs puppeteer.
    const { Client, LocalAuth } = await import('whatsapp-web.js');
    return new Client({
      authStrategy: new LocalAuth({ clientId: 'hotline', dataPath: resolve(this.config.WHATSAPP_DATA_DIR) }),
      puppeteer: { executablePath: this.config.CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS },
    });
  }
}
