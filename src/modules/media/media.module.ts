import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MediaFile } from './media-file.entity';
import { MediaLinks } from './media-links';
import { MediaStore } from './media.store';
import { PublicFileController } from './public-file.controller';

@Module({
  imports: [TypeOrmModule.forFeature([MediaFile])],
  controllers: [PublicFileController],
  providers: [MediaStore, MediaLinks],
  exports: [MediaStore, MediaLinks],
})
export class MediaModule {}
