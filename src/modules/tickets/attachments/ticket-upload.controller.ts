import { CallHandler, Controller, ExecutionContext, Injectable, NestInterceptor, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { catchError, Observable, throwError } from 'rxjs';
import { IdParam, InvalidFieldException } from '@app/common';
import { CurrentUser, StaffPrincipal, TicketStatus } from '@app/domain';
import { MediaStore, uploadRefusal } from '../../media';
import { attachmentView } from '../ticket-attachments';
import { TicketErrorCode, TicketException } from '../ticket-errors';
import { TicketQueries } from '../ticket-queries.service';

export const STAFF_FILE_FIELD = 'file';

/** multer's refusals of a staff upload, in Turkish, naming the field. */
@Injectable()
export class StaffUploadErrors implements NestInterceptor {
  constructor(private readonly media: MediaStore) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const expected = { field: STAFF_FILE_FIELD, max: 1, noun: 'dosya' };
    return next.handle().pipe(catchError((error: unknown) => throwError(() => uploadRefusal(error, expected, (field) => this.media.tooLarge(field)))));
  }
}

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
  @UseInterceptors(StaffUploadErrors, FileInterceptor(STAFF_FILE_FIELD))
  async upload(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @UploadedFile() file: { buffer: Buffer; originalname: string } | undefined) {
    const ticket = await this.queries.getVisible(user, id);
    if (ticket.status === TicketStatus.Merged) throw new TicketException(TicketErrorCode.Closed, 'Birleştirilmiş başvuruya dosya eklenemez');
    if (!file?.buffer.length) throw new InvalidFieldException(STAFF_FILE_FIELD, `${STAFF_FILE_FIELD}: eklenecek dosyayı seçin`);
    const saved = await this.media.saveForTicket('staff', ticket.id, { data: file.buffer, filename: utf8Name(file.originalname), field: STAFF_FILE_FIELD });
    return attachmentView(saved);
  }
}

/** Browsers send the file name in UTF-8, which multer reads as Latin-1 ("dilekÃ§e.pdf"): read it back. */
function utf8Name(name: string): string {
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? name : decoded;
}
