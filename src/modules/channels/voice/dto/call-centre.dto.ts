import { IsIn, IsOptional, Matches } from 'class-validator';
import { AGENT_CHOSEN_STATES, AgentState } from '@app/domain';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The figures' period: Istanbul dates, both inclusive; today when absent. */
export class CallFiguresQueryDto {
  @IsOptional()
  @Matches(DATE, { message: 'from: YYYY-AA-GG biçiminde bir tarih olmalı' })
  from?: string;

  @IsOptional()
  @Matches(DATE, { message: 'to: YYYY-AA-GG biçiminde bir tarih olmalı' })
  to?: string;
}

/** The state an agent picks; "on a call" is the phone's to set. */
export class AgentStateDto {
  @IsIn(AGENT_CHOSEN_STATES)
  state: AgentState;
}
