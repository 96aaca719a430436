import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, DomainException, ErrorKind, InvalidFieldException, ResourceNotFoundException } from '@app/common';
import { normalizePhone, StaffPrincipal, TicketChannel, TicketStatus } from '@app/domain';
import { CreateTicketDto, TicketCreation, TicketEventType } from '../../tickets';
import { CallTicketDto } from './dto/call-ticket.dto';

export enum CallErrorCode {
  AlreadyLinked = 'CALL_ALREADY_LINKED',
}

/** The agent's one step from a call to a ticket, linked both ways. */
@Injectable()
export class CallTicketsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly creation: TicketCreation,
    private readonly clock: Clock,
  ) {}

  async open(actor: StaffPrincipal, callSid: string, dto: CallTicketDto): Promise<string> {
    const [call]: { from_number: string; ticket_id: string | null }[] = await this.dataSource.query(
      'SELECT from_number, ticket_id FROM call_logs WHERE call_sid = $1',
      [callSid],
    );
    if (!call) throw new ResourceNotFoundException('Çağrı');
    if (call.ticket_id) throw new DomainException(CallErrorCode.AlreadyLinked, ErrorKind.Conflict, 'Bu çağrıya zaten bir başvuru bağlı');
    // Twilio's stand-ins for a withheld number ("+266696687"…) are not valid numbers either.
    const phone = dto.citizenPhone !== undefined ? normalizePhone(dto.citizenPhone) : normalizePhone(call.from_number);
    if (!phone) {
      throw new InvalidFieldException(
        'citizenPhone',
        dto.citizenPhone !== undefined ? 'citizenPhone: geçerli bir telefon numarası değil' : 'citizenPhone: arayan numara gizli; vatandaşın telefonunu girin',
      );
    }
    const input: CreateTicketDto = {
      channel: TicketChannel.Phone,
      subject: dto.subject,
      description: dto.description,
      kind: dto.kind,
      categoryId: dto.categoryId,
      mahalleId: dto.mahalleId,
      address: dto.address,
      citizen: { fullName: dto.citizenName, phone },
    };
    const now = this.clock.now();
    const solved = dto.solvedDuringCall
      ? {
          fields: {
            status: TicketStatus.Closed,
            resolution: 'solved_during_call',
            resolutionNote: dto.resolutionNote,
            answeredAt: now,
            firstRespondedAt: now,
            closedAt: now,
          },
          events: [
            {
              type: TicketEventType.StatusChanged,
              actor,
              body: dto.resolutionNote,
              data: { from: TicketStatus.New, to: TicketStatus.Answered, duringCall: callSid },
            },
            { type: TicketEventType.StatusChanged, actor, data: { from: TicketStatus.Answered, to: TicketStatus.Closed } },
          ],
        }
      : undefined;
    const ticket = await this.creation.create(actor, input, solved);
    await this.dataSource.query('UPDATE call_logs SET ticket_id = $2, agent_id = coalesce(agent_id, $3), updated_at = now() WHERE call_sid = $1', [
      callSid,
      ticket.id,
      actor.id,
    ]);
    return ticket.id;
  }
}
