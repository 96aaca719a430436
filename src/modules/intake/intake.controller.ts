import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/domain';
import { InboundEventDto } from './dto/inbound-event.dto';
import { IntakeKeyGuard } from './intake-key.guard';
import { IntakeService, ReceiveResult } from './pipeline/intake.service';

/**
 * For trusted integrations (an e-mail gateway, a CİMER bridge, load tests) that already
 * verified their source. 202 means stored: processing follows on the `intake` queue.
 */
@ApiTags('intake')
@ApiHeader({ name: 'X-Intake-Key', required: true })
@Public()
@UseGuards(IntakeKeyGuard)
@Controller('intake')
export class IntakeController {
  constructor(private readonly intake: IntakeService) {}

  @Post('events')
  @HttpCode(202)
  receive(@Body() dto: InboundEventDto): Promise<ReceiveResult> {
    return this.intake.receive(dto.channel, dto.providerId, dto.payload);
  }
}
