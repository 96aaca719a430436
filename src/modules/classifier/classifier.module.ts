import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CategoriesModule } from '../categories';
import { TicketsModule } from '../tickets';
import { ClassifierController } from './classifier.controller';
import { ClassifierExample } from './classifier-example.entity';
import { ClassifierModel } from './classifier-model.entity';
import { ClassifierModels } from './classifier-models.service';
import { ClassifierSuggestions } from './classifier-suggestions.service';
import { ClassifierSweeper } from './classifier.sweeper';
import { ClassifierTraining } from './classifier-training.service';
import { ClassifierVersions } from './classifier-versions.service';
import { CorrectionsListener } from './corrections.listener';
import { TrainModelProcessor } from './train-model.processor';

/** The trained category classifier: its versions, training, the staff decisions it learns from. */
@Module({
  imports: [TypeOrmModule.forFeature([ClassifierModel, ClassifierExample]), CategoriesModule, TicketsModule],
  controllers: [ClassifierController],
  providers: [ClassifierModels, ClassifierSuggestions, ClassifierTraining, ClassifierVersions, ClassifierSweeper, CorrectionsListener, TrainModelProcessor],
  exports: [ClassifierModels],
})
export class ClassifierModule {}
