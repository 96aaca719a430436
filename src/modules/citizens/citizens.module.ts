import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChannelIdentity } from './channel-identity.entity';
import { Citizen } from './citizen.entity';
import { CitizensController } from './citizens.controller';
import { CitizensService } from './citizens.service';
import { PiiAccess } from './pii-access.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Citizen, ChannelIdentity, PiiAccess])],
  controllers: [CitizensController],
  providers: [CitizensService],
  exports: [CitizensService],
})
export class CitizensModule {}
