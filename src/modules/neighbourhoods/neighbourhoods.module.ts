import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Mahalle } from './mahalle.entity';
import { NeighbourhoodsController } from './neighbourhoods.controller';
import { NeighbourhoodsService } from './neighbourhoods.service';

@Module({
  imports: [TypeOrmModule.forFeature([Mahalle])],
  controllers: [NeighbourhoodsController],
  providers: [NeighbourhoodsService],
  exports: [NeighbourhoodsService],
})
export class NeighbourhoodsModule {}
