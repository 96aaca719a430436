import { Module } from '@nestjs/common';
import { CategoriesModule } from '../../categories';
import { IntakeModule } from '../../intake';
import { MediaModule } from '../../media';
import { NeighbourhoodsModule } from '../../neighbourhoods';
import { PublicListsController } from './public-lists.controller';
import { SubmissionLimiter } from './submission-limiter';
import { WebFormPageController } from './web-form-page.controller';
import { WebFormController } from './web-form.controller';
import { WebFormService } from './web-form.service';

/** The public web form: the page, its pick lists, and the endpoint that hands applications to intake. */
@Module({
  imports: [CategoriesModule, IntakeModule, MediaModule, NeighbourhoodsModule],
  controllers: [WebFormController, PublicListsController, WebFormPageController],
  providers: [WebFormService, SubmissionLimiter],
})
export class WebFormModule {}
