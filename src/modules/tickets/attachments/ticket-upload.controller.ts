import { Controller, Post, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { AppConfig } from '@app/config';
import { IdParam, InvalidFieldException } from '@app/common';
import { CurrentUser, StaffPrincipal, TicketStatus } from '@app/domain';
import { MediaStore, MultipartUpload, UploadedFile, UploadRules, Uploads } from '../../media';
import { attachmentView } from '../ticket-attachments';
import { TicketErrorCode, TicketException } from '../ticket-errors';
import { TicketQueries } from '../ticket-queries.service';

export const STAFF_FILE_FIELD = 'file';

/** A staff upload stays in memory (one file, at most MEDIA_MAX_BYTES) until MediaStore checks and keeps it. */
const staffUpload = (config: AppConfig): UploadRules => ({
  field: STAFF_FILE_FIELD,
  noun: 'dosya',
  limits: { fileSize: config.MEDIA_MAX_BYTES, files: 1, fields: 0, parts: 1 },
});

/**
 * A document staff attach to a ticket (a 4982 answer, a scanned and signed dilekçe), before the
 * reply or note that carries it: it belongs to the ticket at once, so it is read through the
 * ticket's access rules. Its type comes from its bytes: photos, PDF, sound and video.
 */
@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class TicketUploadController {
  constructor(
    private readonly media: MediaStore,
    private readonly queries: TicketQueries,
  ) {}

  @Post(':id/attachments')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: [STAFF_FILE_FIELD], properties: { [STAFF_FILE_FIELD]: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(MultipartUpload(staffUpload))
  async upload(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Uploads() files: UploadedFile[]) {
    const [file] = files;
    const ticket = await this.queries.getVisible(user, id);
    if (ticket.status === TicketStatus.Merged) throw new TicketException(TicketErrorCode.Closed, 'Birleştirilmiş başvuruya dosya eklenemez');
    if (!file?.buffer.length) throw new InvalidFieldException(STAFF_FILE_FIELD, `${STAFF_FILE_FIELD}: eklenecek dosyayı seçin`);
    const saved = await this.media.saveForTicket('staff', ticket.id, { data: file.buffer, filename: file.originalname, field: STAFF_FILE_FIELD });
    return attachmentView(saved);
  }
}
