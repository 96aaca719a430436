import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { DepartmentsModule } from '../departments';
import { SlaModule } from '../sla';
import { CategoriesController } from './categories.controller';
import { CategoriesService } from './categories.service';
import { Category } from './category.entity';
import { Institution } from './institution.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Category, Institution]), AuditModule, DepartmentsModule, SlaModule],
  controllers: [CategoriesController],
  providers: [CategoriesService],
  exports: [CategoriesService],
})
export class CategoriesModule {}
