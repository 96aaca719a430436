import { Body, Controller, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InvalidFieldException, UUID_TEXT } from '@app/common';
import { Public } from '@app/domain';
import { OutboundMessages, OutboundState } from '../../notifications';
import { TwilioSignatureGuard } from './twilio-signature.guard';

const STATE: Record<string, OutboundState> = {
  accepted: OutboundState.Sent,
  scheduled: OutboundState.Sent,
  queued: OutboundState.Sent,
  sending: OutboundState.Sent,
  sent: OutboundState.Sent,
  delivered: OutboundState.Delivered,
  undelivered: OutboundState.Undelivered,
  failed: OutboundState.Failed,
};

/** Twilio's delivery reports for outbound SMS; the message id rides on the callback URL we gave. */
// In the API document (a provider's webhook, signed), so the authorization matrix and the fuzzer cover it.
@ApiTags('webhooks')
@Public()
@UseGuards(TwilioSignatureGuard)
@Controller('channels/twilio')
export class TwilioSmsStatusController {
  constructor(private readonly outbox: OutboundMessages) {}

  @Post('sms-status')
  @HttpCode(204)
  async status(@Query('m') messageId: string | undefined, @Body() params: Record<string, string>): Promise<void> {
    const state = STATE[params.MessageStatus ?? ''];
    if (!params.MessageSid) throw new InvalidFieldException('MessageSid', 'MessageSid: Twilio mesaj kimliği yok');
    if (!state) throw new InvalidFieldException('MessageStatus', `MessageStatus: bilinmeyen durum ${params.MessageStatus ?? ''}`);
    const error = params.ErrorCode ? `Twilio ${params.ErrorCode}` : null;
    await this.outbox.delivery(
      { id: messageId && UUID_TEXT.test(messageId) ? messageId : undefined, provider: 'twilio', providerId: params.MessageSid },
      state,
      error,
    );
  }
}
