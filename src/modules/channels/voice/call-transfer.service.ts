import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Twilio } from 'twilio';
import { AppConfig } from '@app/config';
import { Clock, DomainException, ErrorKind, InvalidFieldException, ResourceNotFoundException } from '@app/common';
import { Role, StaffPrincipal } from '@app/domain';
import { UsersService } from '../../auth';
import { DepartmentsService } from '../../departments';
import { twilioClient } from '../twilio/twilio-client';
import { VoiceTwiml, voiceWebhookBase } from '../twilio/voice-twiml';
import { AgentStates } from './agent-states.service';
import { TransferCallDto } from './dto/voice.dto';
import { VoiceErrorCode } from './voice-tokens.service';

export interface TransferResult {
  callSid: string;
  toUserId: string | null;
  departmentId: string | null;
  /** true: the live call was moved through Twilio; false: Twilio is not connected, the transfer is only recorded. */
  redirected: boolean;
  transferredAt: string;
}

/**
 * Moves a 444 call to a colleague's softphone or to a department's switchboard. With Twilio
 * connected the caller's leg is redirected through the REST API to new TwiML (the agent's leg
 * ends); either way the transfer is written on the call log.
 */
@Injectable()
export class CallTransfers {
  private readonly client: Twilio | null;
  private readonly twiml: VoiceTwiml;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly departments: DepartmentsService,
    private readonly clock: Clock,
    private readonly states: AgentStates,
    config: AppConfig,
  ) {
    this.client = twilioClient(config);
    this.twiml = new VoiceTwiml(voiceWebhookBase(config.PUBLIC_URL));
  }

  async transfer(actor: StaffPrincipal, callSid: string, dto: TransferCallDto): Promise<TransferResult> {
    if (dto.toUserId !== undefined && dto.departmentId !== undefined)
      throw new InvalidFieldException('departmentId', 'Birim (departmentId) ile Kullanıcı (toUserId) birlikte verilemez; birini seçin');
    const [call]: { agent_id: string | null; status_rank: number }[] = await this.dataSource.query(
      'SELECT agent_id, status_rank FROM call_logs WHERE call_sid = $1',
      [callSid],
    );
    // An agent moves only the calls they took; a supervisor any.
    if (!call || (actor.role === Role.Agent && call.agent_id !== actor.id)) throw new ResourceNotFoundException('Çağrı');
    // Only a call still going can be moved; an ended one is only recorded.
    const redirect = this.client !== null && call.status_rank < 3;
    let twiml: string;
    if (dto.toUserId !== undefined) {
      if (dto.toUserId === actor.id) throw new InvalidFieldException('toUserId', 'Kullanıcı (toUserId) çağrıyı aktaran kişinin kendisi olamaz');
      if (!(await this.users.isCallCentreAgent(dto.toUserId)))
        throw new InvalidFieldException('toUserId', 'Kullanıcı (toUserId) etkin bir çağrı merkezi temsilcisi olmalıdır');
      twiml = this.twiml.transferToAgent(dto.toUserId);
    } else {
      const department = await this.departments.requireActive(dto.departmentId!, 'departmentId');
      if (redirect && !department.phone)
        throw new DomainException(VoiceErrorCode.NoDepartmentPhone, ErrorKind.Conflict, 'Birimin telefon numarası tanımlı değil; çağrı aktarılamaz');
      twiml = department.phone ? this.twiml.transferToNumber(department.phone) : '';
    }
    if (redirect) await this.redirect(callSid, twiml);
    const now = this.clock.now();
    await this.dataSource.query(
      `UPDATE call_logs SET transferred_to_user_id = $2, transferred_to_department_id = $3, transferred_by_id = $4, transferred_at = $5,
              transfer_redirected = $6, updated_at = $5 WHERE call_sid = $1`,
      [callSid, dto.toUserId ?? null, dto.departmentId ?? null, actor.id, now, redirect],
    );
    await this.states.leftCall(actor.id, callSid);
    return { callSid, toUserId: dto.toUserId ?? null, departmentId: dto.departmentId ?? null, redirected: redirect, transferredAt: now.toISOString() };
  }

  /** Twilio refusing (the call is over, or not ours) is a conflict; Twilio out of reach, a 503. */
  private async redirect(callSid: string, twiml: string): Promise<void> {
    try {
      await this.client!.calls(callSid).update({ twiml });
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status && status >= 400 && status < 500)
        throw new DomainException(VoiceErrorCode.NotLive, ErrorKind.Conflict, 'Twilio bu çağrıyı aktaramadı; çağrı sona ermiş olabilir');
      throw new DomainException(VoiceErrorCode.TwilioUnavailable, ErrorKind.Unavailable, 'Twilio’ya ulaşılamadı; çağrı aktarılamadı');
    }
  }
}
