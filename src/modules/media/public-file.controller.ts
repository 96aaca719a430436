import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { IdParam } from '@app/common';
import { Public } from '@app/domain';
import { PublicFileQueryDto } from './dto/public-file-query.dto';
import { MediaLinks } from './media-links';
import { MediaStore } from './media.store';
import { sendStoredFile } from './stored-file-response';

/**
 * A document sent to a citizen by SMS, opened from the message's link without a login. A link
 * that is forged, altered or past its expiry is a 404 like a file that does not exist.
 */
@ApiTags('public')
@Public()
@Controller('public/files')
export class PublicFileController {
  constructor(
    private readonly media: MediaStore,
    private readonly links: MediaLinks,
  ) {}

  @Get(':id')
  async download(@IdParam() id: string, @Query() query: PublicFileQueryDto, @Res() res: FastifyReply): Promise<void> {
    const opened = await this.media.open(id, async () => this.links.isValid(id, query.expires, query.signature));
    await sendStoredFile(res, opened, 'attachment');
  }
}
