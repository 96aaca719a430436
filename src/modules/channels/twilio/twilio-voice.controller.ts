import { Body, Controller, Header, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { ApiTags } from '@nestjs/swagger';
import { AppConfig } from '@app/config';
import { Clock, DomainException, ErrorKind, InvalidFieldException } from '@app/common';
import { AgentState, normalizePhone, Public } from '@app/domain';
import { IntakeService } from '../../intake';
import { AgentStates } from '../voice/agent-states.service';
import { CallLogService } from '../voice/call-log.service';
import { PhoneStatusService } from '../voice/phone-status.service';
import { ScreenPopService } from '../voice/screen-pop.service';
import { UsersService } from '../../auth';
import { CallCentreHours } from '../voice/call-centre-hours';
import { userIdOfClient } from '../voice/voice-identity';
import { VoicePresenceService } from '../voice/voice-presence.service';
import { TicketContacts } from '../../tickets';
import { TwilioSignatureGuard } from './twilio-signature.guard';
import { VoiceTwiml, voiceWebhookBase } from './voice-twiml';

type Params = Record<string, string | undefined>;

/** The 444 line on Twilio Voice: the menu, the agent queue, status by keypad, voicemail, the call log. */
// In the API document (a provider's webhook, signed), so the authorization matrix and the fuzzer cover it.
@ApiTags('webhooks')
@Public()
@UseGuards(TwilioSignatureGuard)
@Controller('channels/twilio/voice')
export class TwilioVoiceController {
  private readonly twiml: VoiceTwiml;

  constructor(
    private readonly calls: CallLogService,
    private readonly phoneStatus: PhoneStatusService,
    private readonly screenPop: ScreenPopService,
    private readonly agents: UsersService,
    private readonly intake: IntakeService,
    private readonly hours: CallCentreHours,
    private readonly presence: VoicePresenceService,
    private readonly contacts: TicketContacts,
    private readonly states: AgentStates,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.twiml = new VoiceTwiml(voiceWebhookBase(config.PUBLIC_URL));
  }

  @Post('incoming')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  async incoming(@Body() p: Params): Promise<string> {
    await this.calls.progress({ callSid: this.sid(p), from: p.From ?? '', to: p.To ?? '', status: p.CallStatus ?? 'ringing' });
    return (await this.hours.isOpen(this.clock.now())) ? this.twiml.welcome() : this.twiml.closed();
  }

  @Post('menu')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  async menu(@Body() p: Params): Promise<string> {
    const callSid = this.sid(p);
    const said = (p.SpeechResult ?? '').toLocaleLowerCase('tr-TR');
    if (p.Digits === '2' || /durum|başvuru|sorgu/.test(said)) {
      await this.calls.chose(callSid, 'status');
      return this.twiml.askTrackingNumber();
    }
    await this.calls.chose(callSid, p.Digits === '1' || /sorun|şikayet|ihbar|bildir/.test(said) ? 'report' : 'agent');
    await this.calls.offered(callSid);
    return this.twiml.toAgent(await this.presence.availableAgents());
  }

  @Post('agent')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  async agent(@Body() p: Params): Promise<string> {
    const callSid = this.sid(p);
    await this.calls.chose(callSid, 'agent');
    await this.calls.offered(callSid);
    return this.twiml.toAgent(await this.presence.availableAgents());
  }

  /** The agents' softphones rang (or a transfer's did): answered and over, or on to the queue. */
  @Post('dial-exit')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  dialExit(@Body() p: Params): string {
    this.sid(p);
    return p.DialCallStatus === 'completed' || p.DialCallStatus === 'answered' ? this.twiml.empty() : this.twiml.toQueue();
  }

  @Post('queue-wait')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  queueWait(@Body() p: Params): string {
    return this.twiml.queueWait(Number(p.QueueTime ?? 0) || 0, this.config.VOICE_QUEUE_WAIT_SECONDS);
  }

  /** Twilio's QueueResult: bridged (an agent took it), hangup, or leave / queue-full / error. */
  @Post('queue-exit')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  async queueExit(@Body() p: Params): Promise<string> {
    if (p.QueueResult) await this.calls.leftQueue(this.sid(p), p.QueueResult, seconds(p.QueueTime));
    return p.QueueResult === 'bridged' || p.QueueResult === 'hangup' ? this.twiml.empty() : this.twiml.noAgent();
  }

  @Post('status-lookup')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  async statusLookup(@Body() p: Params): Promise<string> {
    const digits = (p.Digits ?? '').replace(/\D/g, '');
    const label = await this.phoneStatus.statusLabel(digits, normalizePhone(p.From ?? ''));
    return label ? this.twiml.status(digits, label) : this.twiml.statusNotFound();
  }

  /** <Record> ended: the recording becomes an inbound event on the phone channel, then a ticket. */
  @Post('voicemail')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  async voicemail(@Body() p: Params): Promise<string> {
    const callSid = this.sid(p);
    if (!p.RecordingUrl) throw new InvalidFieldException('RecordingUrl', 'RecordingUrl: kayıt adresi yok');
    await this.intake.receive('phone', `${callSid}-voicemail`, p);
    await this.calls.recorded(callSid, p.RecordingUrl);
    return this.twiml.voicemailSaved();
  }

  /**
   * The agents' softphones (a Twilio Client whose identity is `agent-<userId>`) call here through
   * the TwiML app to take the next caller from the queue.
   */
  @Post('dequeue')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  async dequeue(@Body() p: Params): Promise<string> {
    const agentId = userIdOfClient(p.From);
    return agentId && (await this.agents.isCallCentreAgent(agentId)) ? this.twiml.dequeue(agentId) : this.twiml.notAnAgent();
  }

  /**
   * The TwiML App's voice URL: an agent's softphone calls a citizen back with `ticketId`. The
   * ticket's contact number is looked up here, with the agent's own access to the ticket, the
   * read logged (purpose "geri arama"), and dialled by Twilio: the number never reaches the browser.
   */
  @Post('client')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  async client(@Body() p: Params): Promise<string> {
    this.sid(p);
    const ticketId = p.ticketId ?? '';
    if (!isUUID(ticketId)) throw new InvalidFieldException('ticketId', 'Başvuru (ticketId) geçerli bir kimlik (UUID) olmalıdır');
    const agentId = userIdOfClient(p.From);
    const agent = agentId ? await this.agents.callCentrePrincipal(agentId) : null;
    if (!agent) return this.twiml.notAnAgent();
    const callerId = this.config.TWILIO_VOICE_CALLER_ID;
    if (!callerId) return this.twiml.refuse('Geri arama için arayan numara tanımlanmamış.');
    try {
      const contact = await this.contacts.reveal(agent, ticketId, 'geri arama');
      return contact.phone ? this.twiml.callBack(callerId, contact.phone) : this.twiml.refuse('Bu başvuruda aranacak bir telefon numarası yok.');
    } catch (error) {
      // Not visible to this agent, or an informant: nothing read, nothing dialled.
      if (error instanceof DomainException && error.kind !== ErrorKind.Invalid) return this.twiml.refuse('Bu başvurunun sahibini arama yetkiniz yok.');
      throw error;
    }
  }

  /**
   * Runs as an agent takes a caller: on the caller's leg (taken from the queue) or on the agent's
   * leg (their softphone rang; Twilio names the caller's leg as ParentCallSid). The call is theirs,
   * and their screen shows the caller.
   */
  @Post('connected')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  async connected(@Query('agentId') agentId: string | undefined, @Body() p: Params): Promise<string> {
    if (!agentId || !isUUID(agentId)) throw new InvalidFieldException('agentId', 'agentId: temsilcinin kullanıcı kimliği olmalı');
    const callSid = p.ParentCallSid || this.sid(p);
    await this.calls.answeredBy(callSid, agentId, seconds(p.QueueTime));
    await this.states.set(agentId, AgentState.OnCall, 'phone', callSid);
    await this.screenPop.show(agentId, callSid, p.From ?? '');
    return p.ParentCallSid ? this.twiml.empty() : this.twiml.connected();
  }

  /** Call status callbacks, in whatever order and however often they come. */
  @Post('status')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  async status(@Body() p: Params): Promise<string> {
    const duration = p.CallDuration === undefined ? null : Number(p.CallDuration) || 0;
    const callSid = this.sid(p);
    const ended = await this.calls.progress({ callSid, from: p.From ?? '', to: p.To ?? '', status: p.CallStatus ?? 'queued', durationSeconds: duration });
    if (ended) await this.states.callEnded(callSid);
    return this.twiml.empty();
  }

  private sid(p: Params): string {
    if (!p.CallSid) throw new InvalidFieldException('CallSid', 'CallSid: Twilio çağrı kimliği yok');
    return p.CallSid;
  }
}

/** Twilio's QueueTime: whole seconds, or nothing when absent or unreadable. */
const seconds = (value: string | undefined): number | null => (value !== undefined && /^\d{1,7}$/.test(value) ? Number(value) : null);
