import { Body, Controller, Get, Headers, HttpCode, Post, Req, Res, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { IdParam } from '@app/common';
import { Public } from '@app/domain';
import { WebApplicationDto } from './dto/web-application.dto';
import { PHOTOS_FIELD, UploadErrorsInterceptor } from './upload-errors';
import { Receipt, UploadedPhoto, WebFormService } from './web-form.service';

/**
 * A citizen files an application without an account, as multipart/form-data (with photos) or
 * JSON. 202 means received: the tracking number follows at `statusUrl` once intake made the ticket.
 */
@ApiTags('public')
@Public()
@Controller('public/applications')
export class WebFormController {
  constructor(private readonly webForm: WebFormService) {}

  @Post()
  @HttpCode(202)
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Sayfa açılırken üretilir; aynı anahtarla gelen ikinci istek aynı başvuruyu döndürür' })
  @UseInterceptors(UploadErrorsInterceptor, FilesInterceptor(PHOTOS_FIELD))
  async submit(
    @Body() dto: WebApplicationDto,
    @UploadedFiles() files: UploadedPhoto[] | undefined,
    @Headers('idempotency-key') key: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Receipt & { statusUrl: string }> {
    // A refusal's Retry-After is set by the error filter.
    const receipt = await this.webForm.submit(dto, files ?? [], req.ip ?? req.socket.remoteAddress ?? 'unknown', key);
    const statusUrl = `/api/v1/public/applications/${receipt.receiptId}`;
    res.setHeader('Location', statusUrl);
    return { ...receipt, statusUrl };
  }

  /** Polled by the page: pending, then the tracking number (or why the application failed). */
  @Get(':receiptId')
  receipt(@IdParam('receiptId') receiptId: string, @Res({ passthrough: true }) res: Response): Promise<Receipt> {
    res.setHeader('Cache-Control', 'no-store');
    return this.webForm.receipt(receiptId);
  }
}
