import { Body, Controller, Header, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { twiml } from 'twilio';
import { InvalidFieldException } from '@app/common';
import { Public } from '@app/domain';
import { IntakeService } from '../../intake';
import { TwilioSignatureGuard } from './twilio-signature.guard';

/**
 * Twilio's "a message comes in" webhook for the SMS number. The message is stored as an inbound
 * event (a Twilio retry of the same MessageSid stores nothing) and answered with empty TwiML:
 * the citizen hears back when staff answer, not from an automatic reply.
 */
// In the API document (a provider's webhook, signed), so the authorization matrix and the fuzzer cover it.
@ApiTags('webhooks')
@Public()
@UseGuards(TwilioSignatureGuard)
@Controller('channels/twilio')
export class TwilioSmsController {
  constructor(private readonly intake: IntakeService) {}

  @Post('sms')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  async inboundSms(@Body() params: Record<string, string>): Promise<string> {
    const sid = params.MessageSid ?? params.SmsSid;
    if (!sid) throw new InvalidFieldException('MessageSid', 'MessageSid: Twilio mesaj kimliği yok');
    await this.intake.receive('sms', sid, params);
    return new twiml.MessagingResponse().toString();
  }
}
