import { maskEmail, maskPhone } from '@app/domain';
import { Appointment } from './appointment.entity';

/** An appointment as every response shows it: the requester's phone and e-mail masked. */
export function appointmentView(appointment: Appointment): Appointment {
  return { ...appointment, phone: maskPhone(appointment.phone), email: maskEmail(appointment.email) };
}
