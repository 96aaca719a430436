import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CategoriesModule } from '../../categories';
import { DepartmentsModule } from '../../departments';
import { IntakeModule } from '../../intake';
import { NeighbourhoodsModule } from '../../neighbourhoods';
import { Open311Client } from './open311-client.entity';
import { Open311ClientsController } from './open311-clients.controller';
import { Open311Filing } from './open311-filing';
import { Open311Keys } from './open311-keys.service';
import { Open311Reads } from './open311-reads';
import { Open311Services } from './open311-services';
import { Open311Controller } from './open311.controller';

/** Open311 GeoReport v2: city apps file and follow applications; admins manage the apps' keys. */
@Module({
  imports: [TypeOrmModule.forFeature([Open311Client]), CategoriesModule, DepartmentsModule, IntakeModule, NeighbourhoodsModule],
  controllers: [Open311Controller, Open311ClientsController],
  providers: [Open311Keys, Open311Filing, Open311Reads, Open311Services],
})
export class Open311Module {}
