import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MediaFile } from './media-file.entity';
import { MediaStore } from './media.store';

@Module({
  imports: [TypeOrmModule.forFeature([MediaFile])],
  providers: [MediaStore],
  exports: [MediaStore],
})
export class MediaModule {}
