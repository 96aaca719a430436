import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
import { AppConfig } from '@app/config';
import { CategoriesModule } from '../../categories';
import { IntakeModule } from '../../intake';
import { MediaModule } from '../../media';
import { NeighbourhoodsModule } from '../../neighbourhoods';
import { PublicListsController } from './public-lists.controller';
import { SubmissionLimiter } from './submission-limiter';
import { UploadErrorsInterceptor } from './upload-errors';
import { WebFormPageController } from './web-form-page.controller';
import { WebFormController } from './web-form.controller';
import { WebFormService } from './web-form.service';

// Text fields of the form: the description's 5000 characters are at most 20 000 bytes.
const FIELD_BYTES = 32 * 1024;
const FIELDS = 30;

/** The public web form: the page, its pick lists, and the endpoint that hands applications to intake. */
@Module({
  imports: [
    CategoriesModule,
    IntakeModule,
    MediaModule,
    NeighbourhoodsModule,
    // Photos stay in memory (at most WEB_FORM_MAX_PHOTOS × MEDIA_MAX_BYTES) until MediaStore checks and keeps them.
    MulterModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        storage: memoryStorage(),
        limits: {
          fileSize: config.MEDIA_MAX_BYTES,
          files: config.WEB_FORM_MAX_PHOTOS,
          fields: FIELDS,
          fieldSize: FIELD_BYTES,
          parts: FIELDS + config.WEB_FORM_MAX_PHOTOS,
        },
      }),
    }),
  ],
  controllers: [WebFormController, PublicListsController, WebFormPageController],
  providers: [WebFormService, SubmissionLimiter, UploadErrorsInterceptor],
})
export class WebFormModule {}
