import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@app/common';
import { OutboundChannel, OutboundState } from '../outbound-message.entity';

export class ListOutboundDto extends PageQueryDto {
  @IsOptional()
  @IsEnum(OutboundState, { message: `state: şunlardan biri olmalı: ${Object.values(OutboundState).join(', ')}` })
  state?: OutboundState;

  @IsOptional()
  @IsEnum(OutboundChannel, { message: `channel: şunlardan biri olmalı: ${Object.values(OutboundChannel).join(', ')}` })
  channel?: OutboundChannel;

  @IsOptional()
  @IsUUID()
  ticketId?: string;
}
