import { APPOINTMENT_STATUS_LABELS } from '@app/domain';
import { addDays, type Appointment, clockTime, dayKey, dayTitle, type Slot } from './types';

export interface CalendarProps {
  /** The first day shown (a Monday in week view). */
  start: string;
  days: number;
  slots: Slot[];
  appointments: Map<string, Appointment>;
  onPick: (slot: Slot) => void;
}

/** The mayor's week (or day): each day's slots in time order, free ones to give, taken ones with their requester. */
export function Calendar({ start, days, slots, appointments, onPick }: CalendarProps) {
  const columns = Array.from({ length: days }, (_, i) => addDays(start, i));
  return (
    <div class={`ok-calendar ok-days-${days}`} role="list" aria-label="Başkanlık takvimi">
      {columns.map((day) => {
        const daySlots = slots.filter((s) => dayKey(s.startsAt) === day);
        return (
          <section key={day} class="ok-day" role="listitem" aria-label={dayTitle(day)} data-day={day}>
            <h3>{dayTitle(day)}</h3>
            {daySlots.length ? null : <p class="muted">Açık saat yok</p>}
            <ul>
              {daySlots.map((slot) => {
                const holder = slot.appointmentId ? appointments.get(slot.appointmentId) : undefined;
                return (
                  <li key={slot.id} class={slot.free ? 'ok-slot free' : `ok-slot taken st-${holder?.status ?? ''}`} data-slot={slot.id}>
                    <button type="button" class="ok-slot-button" onClick={() => onPick(slot)}>
                      <strong>
                        {clockTime(slot.startsAt)}–{clockTime(slot.endsAt)}
                      </strong>{' '}
                      {slot.free ? (
                        <span>Boş</span>
                      ) : (
                        <span>
                          {holder ? (holder.institutionName ?? holder.requesterName) : 'Dolu'}
                          {holder ? ` · ${APPOINTMENT_STATUS_LABELS[holder.status] ?? holder.status}` : ''}
                        </span>
                      )}
                      {slot.location ? <span class="muted"> · {slot.location}</span> : null}
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
