import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MediaController } from './media.controller';
import { MediaFile } from './media-file.entity';
import { MediaStore } from './media.store';

@Module({
  imports: [TypeOrmModule.forFeature([MediaFile])],
  controllers: [MediaController],
  providers: [MediaStore],
  exports: [MediaStore],
})
export class MediaModule {}
