import { api } from './deps';
import type { UiConfig } from './types';

let config: Promise<UiConfig> | null = null;

/** GET /ui/config once per page load: the map tiles and whether the browser phone is set up. */
export function uiConfig(): Promise<UiConfig> {
  config ??= api<UiConfig>('/ui/config').catch((error: unknown) => {
    config = null;
    throw error;
  });
  return config;
}
