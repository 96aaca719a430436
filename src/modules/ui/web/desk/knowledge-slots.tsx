import { navigate } from '../router';
import type { SlotProps } from '../slots';
import { api, OPEN_STATUSES, Role, toast, type TicketStatus } from './deps';
import { KnowledgeSearch, type Article } from './knowledge-search';

const ANSWERING_ROLES: readonly string[] = [Role.Agent, Role.Supervisor, Role.DepartmentStaff, Role.DepartmentManager, Role.Admin];

/** Beside an open ticket: answer it with an article; the citizen receives the text on their channel. */
export function TicketKnowledge({ ticket, user, reload }: SlotProps['ticket.side']) {
  if (!ANSWERING_ROLES.includes(user.role) || !OPEN_STATUSES.includes(ticket.status as TicketStatus)) return null;
  const answer = async (article: Article) => {
    await api(`/knowledge-articles/${article.id}/answer`, { method: 'POST', body: { ticketId: ticket.id, version: ticket.version } });
    toast(`Bilgi verildi: ${article.title}`);
    reload();
  };
  return <KnowledgeSearch id="kb-ticket" answer={answer} />;
}

/** On a call: the caller's question opened as a request and answered with the article, in one step. */
export function CallKnowledge({ call }: SlotProps['call.panel']) {
  const answer = async (article: Article) => {
    const ticket = await api<{ id: string; trackingNo: string }>(`/calls/${encodeURIComponent(call.callSid)}/ticket`, {
      method: 'POST',
      body: { subject: article.title, description: `Bilgi bankası: ${article.title}`, categoryId: article.category.id, kind: 'talep' },
    });
    await api(`/knowledge-articles/${article.id}/answer`, { method: 'POST', body: { ticketId: ticket.id } });
    toast(`Bilgi verildi: ${ticket.trackingNo}`);
    navigate(`#/basvuru/${ticket.id}`);
  };
  return <KnowledgeSearch id="kb-call" answer={answer} />;
}
