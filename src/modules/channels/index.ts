export { ChannelsModule } from './channels.module';
export { VoiceTokens } from './voice/voice-tokens.service';
