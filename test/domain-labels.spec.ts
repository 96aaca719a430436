import { OverrideKind } from '@app/calendar';
import {
  AGENT_STATE_LABELS,
  AgentState,
  APPOINTMENT_CHANNEL_LABELS,
  APPOINTMENT_STATUS_LABELS,
  PROCESS_EVENT_LABELS,
  PROCESS_STATUS_LABELS,
  REQUESTER_KIND_LABELS,
  CALENDAR_OVERRIDE_LABELS,
  DELIVERY_STATE_LABELS,
  DEPARTMENT_LEVEL_LABELS,
  DURATION_UNIT_LABELS,
  MUHTAR_ACTIVITY_KIND_LABELS,
  NOTICE_PURPOSE_LABELS,
  TIMELINE_EVENT_LABELS,
} from '@app/domain';
import { DepartmentLevel } from '../src/modules/departments/department.entity';
import { MuhtarActivityKind } from '../src/modules/reports/muhtar/muhtar-activity.entity';
import { NoticePurpose } from '../src/modules/notifications';
import { OutboundState } from '../src/modules/notifications/outbound-message.entity';
import { DurationUnit } from '../src/modules/sla/deadline-policy.entity';
import { TicketEventType } from '../src/modules/tickets/ticket-event.entity';
import { AppointmentStatus, RequesterKind } from '../src/modules/processes/appointments/appointment.entity';
import { REQUEST_CHANNELS } from '../src/modules/processes/appointments/appointment.dto';
import { ProcessStatus } from '../src/modules/processes/process-instance.entity';
import { ProcessEventType } from '../src/modules/processes/process-event.entity';

/** The staff screens' Turkish labels (libs/domain) for enums that live in modules: none left without one. */
describe('the Turkish labels of the modules’ enums', () => {
  it.each([
    ['timeline events', TicketEventType, TIMELINE_EVENT_LABELS],
    ['delivery states', OutboundState, DELIVERY_STATE_LABELS],
    ['department levels', DepartmentLevel, DEPARTMENT_LEVEL_LABELS],
    ['duration units', DurationUnit, DURATION_UNIT_LABELS],
    ['calendar overrides', OverrideKind, CALENDAR_OVERRIDE_LABELS],
    ['notice purposes', NoticePurpose, NOTICE_PURPOSE_LABELS],
    ['appointment statuses', AppointmentStatus, APPOINTMENT_STATUS_LABELS],
    ['requester kinds', RequesterKind, REQUESTER_KIND_LABELS],
    ['appointment channels', Object.fromEntries(REQUEST_CHANNELS.map((c) => [c, c])), APPOINTMENT_CHANNEL_LABELS],
    ['process statuses', ProcessStatus, PROCESS_STATUS_LABELS],
    ['process events', ProcessEventType, PROCESS_EVENT_LABELS],
    ['muhtar activities', MuhtarActivityKind, MUHTAR_ACTIVITY_KIND_LABELS],
    ['agent states', AgentState, AGENT_STATE_LABELS],
  ])('labels every %s value', (_name, values, labels) => {
    expect(Object.values(values).filter((v) => !labels[v as string])).toEqual([]);
  });
});
