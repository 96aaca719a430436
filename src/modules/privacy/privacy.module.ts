import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { CitizensModule } from '../citizens';
import { MediaModule } from '../media';
import { TicketsModule } from '../tickets';
import { DestructionController } from './destruction.controller';
import { DestructionScheduler } from './destruction.scheduler';
import { PersonalDataDestructions } from './destruction.service';
import { KvkkController } from './kvkk.controller';
import { LegalHold } from './legal-hold.entity';
import { LegalHolds } from './legal-holds.service';
import { PersonalDataAction } from './personal-data-action.entity';
import { PersonalDataDestruction } from './personal-data-destruction.entity';
import { PersonalDataEraser } from './personal-data-eraser';
import { PersonalDataInventory } from './personal-data-inventory.service';
import { PersonalDataSettings } from './personal-data-settings.entity';
import { RetentionPeriods } from './retention-periods';
import { SubjectRights } from './subject-rights.service';

/** KVKK: the personal-data inventory, the data subjects' rights, retention and the periodic destruction, legal holds. */
@Module({
  imports: [
    TypeOrmModule.forFeature([LegalHold, PersonalDataAction, PersonalDataDestruction, PersonalDataSettings]),
    AuditModule,
    CitizensModule,
    MediaModule,
    TicketsModule,
  ],
  controllers: [KvkkController, DestructionController],
  providers: [RetentionPeriods, PersonalDataInventory, PersonalDataEraser, SubjectRights, LegalHolds, PersonalDataDestructions, DestructionScheduler],
})
export class PrivacyModule {}
