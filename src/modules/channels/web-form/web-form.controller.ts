import { Body, Controller, Get, Headers, HttpCode, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiConsumes, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IdParam } from '@app/common';
import { Public } from '@app/domain';
import { MultipartUpload, Uploads } from '../../media';
import { WebApplicationDto } from './dto/web-application.dto';
import { webFormUpload } from './web-form-upload';
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
  @UseInterceptors(MultipartUpload(webFormUpload))
  async submit(
    @Body() dto: WebApplicationDto,
    @Uploads() files: UploadedPhoto[],
    @Headers('idempotency-key') key: string | undefined,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<Receipt & { statusUrl: string }> {
    // A refusal's Retry-After is set by the error filter.
    const receipt = await this.webForm.submit(dto, files, req.ip, key);
    const statusUrl = `/api/v1/public/applications/${receipt.receiptId}`;
    res.header('Location', statusUrl);
    return { ...receipt, statusUrl };
  }

  /** Polled by the page: pending, then the tracking number (or why the application failed). */
  @Get(':receiptId')
  receipt(@IdParam('receiptId') receiptId: string, @Res({ passthrough: true }) res: FastifyReply): Promise<Receipt> {
    res.header('Cache-Control', 'no-store');
    return this.webForm.receipt(receiptId);
  }
}
