import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IdParam } from '@app/common';
import { MediaStore } from './media.store';

/** Staff open what citizens sent from the ticket's timeline. */
@ApiTags('media')
@ApiBearerAuth()
@Controller('media')
export class MediaController {
  constructor(private readonly media: MediaStore) {}

  @Get(':id')
  async download(@IdParam() id: string, @Res() res: Response): Promise<void> {
    const { file, stream } = await this.media.open(id);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Length', String(file.size));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // A PDF is shown inside a sandbox: no scripts, no same-origin access to the app.
    res.setHeader('Content-Security-Policy', 'sandbox');
    res.setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.filename ?? file.id)}`);
    stream.pipe(res);
  }
}
