import { Fragment } from 'preact';
import { DELIVERY_STATE_LABELS, STAFF_STATUS_LABELS, TIMELINE_EVENT_LABELS, type TicketStatus } from '@app/domain';
import { formatTime } from '../../format';
import type { Notice, TimelineEvent } from '../types';

const DELIVERY = DELIVERY_STATE_LABELS;

const status = (s: string | undefined) => (s ? (STAFF_STATUS_LABELS[s as TicketStatus] ?? s) : s);

function describe(event: TimelineEvent): string {
  const d = event.data ?? {};
  const parts: string[] = [];
  if (d.from && d.to) parts.push(`${status(d.from)} → ${status(d.to)}`);
  if (d.departmentName || d.toDepartmentName) parts.push(`Birim: ${d.toDepartmentName ?? d.departmentName}`);
  if (d.assigneeName) parts.push(`Atanan: ${d.assigneeName}`);
  if (d.categoryName) parts.push(`Konu: ${d.categoryName}`);
  if (d.institutionName) parts.push(`Kurum: ${d.institutionName}`);
  if (d.dueAt) parts.push(`Son tarih: ${formatTime(d.dueAt)}`);
  return parts.join(' · ');
}

/** The ticket's events and the notices sent about it (with their delivery state), oldest first. */
export function Timeline({ events, notices }: { events: TimelineEvent[]; notices: Notice[] }) {
  const items = [
    ...events.map((e) => ({
      at: e.createdAt,
      key: `e${e.id}`,
      node: (
        <li class={`ev ev-${e.type}`}>
          <p class="meta">
            <strong>{TIMELINE_EVENT_LABELS[e.type] ?? e.type}</strong>
            {` · ${formatTime(e.createdAt)}${e.actor ? ` · ${e.actor.name}` : ''}`}
          </p>
          {describe(e) ? <p class="sub">{describe(e)}</p> : null}
          {e.body ? <p class="body">{e.body}</p> : null}
        </li>
      ),
    })),
    ...notices.map((n) => ({
      at: n.createdAt,
      key: `n${n.id}`,
      node: (
        <li class="ev ev-notice">
          <p class="meta">
            <strong>{`Bildirim (${n.channel})`}</strong>
            {` · ${formatTime(n.createdAt)} · ${n.recipient} · `}
            <span class={`badge dl-${n.state}`}>{DELIVERY[n.state] ?? n.state}</span>
          </p>
          <p class="body">{n.body}</p>
          {n.lastError ? <p class="error">{n.lastError}</p> : null}
        </li>
      ),
    })),
  ].sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
  return (
    <ol class="timeline" aria-label="Zaman çizelgesi">
      {items.map((i) => (
        <Fragment key={i.key}>{i.node}</Fragment>
      ))}
    </ol>
  );
}
