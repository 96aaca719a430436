import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, StaffPrincipal } from '@app/domain';
import { AgentStateDto } from './dto/call-centre.dto';
import { VoicePresenceDto } from './dto/voice.dto';
import { AgentStates, AgentStateView } from './agent-states.service';
import { agentIdentity } from './voice-identity';
import { PresenceState, VoicePresenceService } from './voice-presence.service';
import { VoiceToken, VoiceTokens } from './voice-tokens.service';

/** The agents' browser softphone: whether it is set up, its access token, and available/away. */
@ApiTags('voice')
@ApiBearerAuth()
@Roles(Role.Agent, Role.Supervisor)
@Controller('voice')
export class VoiceController {
  constructor(
    private readonly tokens: VoiceTokens,
    private readonly presence: VoicePresenceService,
    private readonly states: AgentStates,
  ) {}

  @Get('config')
  config(@CurrentUser() user: StaffPrincipal): { configured: boolean; identity: string } {
    return { configured: this.tokens.configured, identity: agentIdentity(user.id) };
  }

  /** A Twilio Voice access token for `agent-<userId>`; 409 while the browser phone is not configured. */
  @Post('token')
  @HttpCode(200)
  token(@CurrentUser() user: StaffPrincipal): VoiceToken {
    return this.tokens.issue(user.id);
  }

  /** Available: 444 calls ring this agent's softphone (for the token's lifetime); away: they do not. */
  @Post('presence')
  @HttpCode(200)
  async setPresence(@CurrentUser() user: StaffPrincipal, @Body() dto: VoicePresenceDto): Promise<{ state: PresenceState }> {
    return { state: await this.presence.set(user.id, dto.state) };
  }

  /** The agent's state now (available, on a call, wrap-up, break, offline) and since when. */
  @Get('state')
  state(@CurrentUser() user: StaffPrincipal): Promise<AgentStateView> {
    return this.states.current(user.id);
  }

  /** The header's switcher: available (rung), wrap-up, break or offline (not rung). */
  @Post('state')
  @HttpCode(200)
  setState(@CurrentUser() user: StaffPrincipal, @Body() dto: AgentStateDto): Promise<AgentStateView> {
    return this.states.set(user.id, dto.state, 'agent');
  }
}
