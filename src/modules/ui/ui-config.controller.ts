import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppConfig } from '@app/config';
import { AnyRole } from '@app/domain';

/** The browser softphone needs the Twilio account, an API key and secret, and the TwiML App. */
export function voiceConfigured(config: AppConfig): boolean {
  return !!(config.TWILIO_ACCOUNT_SID && config.TWILIO_API_KEY && config.TWILIO_API_SECRET && config.TWILIO_TWIML_APP_SID);
}

export interface UiConfig {
  tileUrl: string;
  tileAttribution: string;
  /** `standIn`: the browser test's stand-in softphone device may be used (NODE_ENV=test only). */
  voice: { configured: boolean; standIn: boolean };
}

/** What the staff screens need to know about this installation (no secrets). */
@ApiTags('ui')
@ApiBearerAuth()
@Controller('ui')
export class UiConfigController {
  constructor(private readonly config: AppConfig) {}

  @Get('config')
  @AnyRole()
  @ApiOperation({ summary: 'The map tiles and whether the browser softphone is configured' })
  get(): UiConfig {
    return {
      tileUrl: this.config.UI_TILE_URL,
      tileAttribution: this.config.UI_TILE_ATTRIBUTION,
      voice: { configured: voiceConfigured(this.config), standIn: this.config.NODE_ENV === 'test' },
    };
  }
}
