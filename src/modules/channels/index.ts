export { ChannelsModule } from './channels.module';
export { VoiceTokens } from './voice/voice-tokens.service';
export { open311Body } from './open311/open311-body';
