import { api } from './api.js';
import { CHANNELS, countdown, formatTime, h, KINDS, STATUSES, toast } from './dom.js';
import { setShortcuts } from './shortcuts.js';
import { nextTicketAfter } from './ticket-list.js';
import { renderActions } from './ticket-actions.js';

const EVENT_LABELS = {
  created: 'Başvuru oluşturuldu',
  message_in: 'Vatandaştan mesaj',
  reply_out: 'Vatandaşa yanıt',
  internal_note: 'İç not',
  assigned: 'Atama',
  transferred: 'Aktarma',
  status_changed: 'Durum değişti',
  merged: 'Birleştirme',
  updated: 'Güncellendi',
  routed: 'Birime yönlendirildi',
  returned: 'Çağrı merkezine iade',
  duplicate_suspected: 'Mükerrer şüphesi',
  duplicate_dismissed: 'Mükerrer şüphesi kaldırıldı',
  sla_warning: 'Süre uyarısı',
  sla_breached: 'Süre aşıldı',
};
const DELIVERY = {
  pending: 'Gönderilecek',
  sending: 'Gönderiliyor',
  sent: 'Gönderildi',
  delivered: 'İletildi',
  read: 'Okundu',
  failed: 'Gönderilemedi',
  suppressed: 'Gönderilmedi (izin/tercih)',
};

function describe(event) {
  const d = event.data ?? {};
  const parts = [];
  if (d.from && d.to) parts.push(`${STATUSES[d.from] ?? d.from} → ${STATUSES[d.to] ?? d.to}`);
  if (d.departmentName || d.toDepartmentName) parts.push(`Birim: ${d.toDepartmentName ?? d.departmentName}`);
  if (d.assigneeName) parts.push(`Atanan: ${d.assigneeName}`);
  if (d.categoryName) parts.push(`Konu: ${d.categoryName}`);
  if (d.institutionName) parts.push(`Kurum: ${d.institutionName}`);
  if (d.dueAt) parts.push(`Son tarih: ${formatTime(d.dueAt)}`);
  return parts.join(' · ');
}

/** A ticket with its whole timeline (notices and their delivery state included) and the actions the user may take. */
export async function renderTicket(main, current, id) {
  const info = h('section', { class: 'card info', 'aria-labelledby': 'ticket-title' });
  const timeline = h('ol', { class: 'timeline', 'aria-label': 'Zaman çizelgesi' });
  const actions = h('section', { class: 'card actions', 'aria-label': 'İşlemler' });
  const state = { ticket: null };

  async function load() {
    const [ticket, notices] = await Promise.all([api(`/tickets/${id}`), api(`/tickets/${id}/notifications`).catch(() => ({ items: [] }))]);
    state.ticket = ticket;
    renderInfo(ticket);
    renderTimeline(ticket, notices.items);
    return ticket;
  }

  function renderInfo(t) {
    const due = countdown(t.resolutionDueAt);
    const dl = (pairs) =>
      h(
        'dl',
        { class: 'facts' },
        pairs.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v ?? '—')]),
      );
    info.replaceChildren(
      ...[
        h('h1', { id: 'ticket-title' }, `${t.trackingNo} — ${t.subject}`),
        h(
          'p',
          { class: 'status' },
          h('span', { class: `badge st-${t.status}`, id: 'ticket-status' }, STATUSES[t.status] ?? t.status),
          t.triage ? h('span', { class: 'badge triage' }, 'Ön değerlendirme') : null,
          t.overdue ? h('span', { class: 'badge late' }, 'Gecikmiş') : null,
        ),
        dl([
          ['Kanal', CHANNELS[t.channel]],
          ['Tür', KINDS[t.kind]],
          ['Konu', t.category?.name],
          ['Birim', t.department?.name],
          ['Atanan', t.assignee?.name],
          ['Mahalle', t.mahalle?.name],
          ['Adres', t.address],
          ['Vatandaş', t.citizen ? `${t.citizen.fullName ?? 'Adsız'} ${t.citizen.phone ?? ''}` : null],
          ['Oluşturma', formatTime(t.createdAt)],
          ['İlk yanıt süresi', t.firstResponseDueAt ? `${formatTime(t.firstResponseDueAt)}${t.firstRespondedAt ? ' (yanıtlandı)' : ''}` : null],
          [
            'Sonuçlandırma süresi',
            t.resolutionDueAt ? h('span', { class: due.late ? 'late' : '' }, `${formatTime(t.resolutionDueAt)} — ${due.text}`) : 'Süre durdu / yok',
          ],
        ]),
        h('h2', {}, 'Açıklama'),
        h('p', { class: 'description' }, t.description),
        t.duplicates.length
          ? h(
              'div',
              { class: 'dups' },
              h('h2', {}, 'Mükerrer olabilecek başvurular'),
              h(
                'ul',
                {},
                t.duplicates.map((d) =>
                  h(
                    'li',
                    {},
                    h('a', { href: `#/basvuru/${d.id}` }, d.trackingNo),
                    ` (${STATUSES[d.status] ?? d.status}) `,
                    h(
                      'button',
                      {
                        type: 'button',
                        class: 'small',
                        onclick: () => act(`/tickets/${t.id}/merge`, { version: state.ticket.version, intoId: d.id }, `${d.trackingNo} ile birleştirildi`),
                      },
                      `Bunu ${d.trackingNo} ile birleştir`,
                    ),
                    h(
                      'button',
                      {
                        type: 'button',
                        class: 'small secondary',
                        onclick: () => act(`/tickets/${t.id}/duplicates/${d.id}/dismiss`, {}, 'Mükerrer şüphesi kaldırıldı'),
                      },
                      'Mükerrer değil',
                    ),
                  ),
                ),
              ),
            )
          : null,
      ].filter(Boolean),
    );
  }

  function renderTimeline(t, notices) {
    const items = [
      ...t.timeline.map((e) => ({
        at: e.createdAt,
        node: h(
          'li',
          { class: `ev ev-${e.type}` },
          h('p', { class: 'meta' }, h('strong', {}, EVENT_LABELS[e.type] ?? e.type), ` · ${formatTime(e.createdAt)}${e.actor ? ` · ${e.actor.name}` : ''}`),
          describe(e) ? h('p', { class: 'sub' }, describe(e)) : null,
          e.body ? h('p', { class: 'body' }, e.body) : null,
        ),
      })),
      ...notices.map((n) => ({
        at: n.createdAt,
        node: h(
          'li',
          { class: 'ev ev-notice' },
          h(
            'p',
            { class: 'meta' },
            h('strong', {}, `Bildirim (${n.channel})`),
            ` · ${formatTime(n.createdAt)} · ${n.recipient} · `,
            h('span', { class: `badge dl-${n.state}` }, DELIVERY[n.state] ?? n.state),
          ),
          h('p', { class: 'body' }, n.body),
          n.lastError ? h('p', { class: 'error' }, n.lastError) : null,
        ),
      })),
    ].sort((a, b) => new Date(a.at) - new Date(b.at));
    timeline.replaceChildren(...items.map((i) => i.node));
  }

  async function act(path, body, done) {
    try {
      await api(path, { method: 'POST', body });
      toast(done);
      const ticket = await load().catch(() => null);
      if (ticket) renderActions(actions, ticket, current, act);
      else location.hash = current.user.departmentId ? '#/gelen-kutusu' : '#/kuyruk';
      return true;
    } catch (e) {
      if (e.status === 409) {
        toast(`${e.message} — başvuru yeniden yüklendi`, 'error');
        await load();
        renderActions(actions, state.ticket, current, act);
      } else toast(e.message, 'error');
      return false;
    }
  }

  try {
    await load();
  } catch (e) {
    main.replaceChildren(
      h(
        'section',
        { class: 'card' },
        h('h1', {}, e.status === 404 || e.status === 403 ? 'Başvuru bulunamadı veya erişim yetkiniz yok' : 'Başvuru açılamadı'),
        h('p', { id: 'not-found' }, e.message),
        h('p', {}, h('a', { href: current.user.departmentId ? '#/gelen-kutusu' : '#/kuyruk' }, 'Listeye dön')),
      ),
    );
    return undefined;
  }
  renderActions(actions, state.ticket, current, act);
  main.append(
    h(
      'div',
      { class: 'ticket-layout' },
      h('div', {}, info, h('section', { class: 'card', 'aria-labelledby': 'tl-title' }, h('h2', { id: 'tl-title' }, 'Zaman çizelgesi'), timeline)),
      actions,
    ),
  );

  const onChange = (event) => {
    if (event.detail.ticketId === id) load().catch(() => undefined);
  };
  window.addEventListener('ticket-change', onChange);
  const openForm = (name) => () => {
    const details = document.getElementById(`act-${name}`);
    if (details) {
      details.open = true;
      details.querySelector('textarea, select, input')?.focus();
    }
  };
  const unbind = setShortcuts({
    home: current.user.departmentId ? '#/gelen-kutusu' : '#/kuyruk',
    r: openForm('reply'),
    t: openForm('transfer'),
    c: openForm('resolve'),
    n: () => {
      const next = nextTicketAfter(id);
      if (next && next !== id) location.hash = `#/basvuru/${next}`;
    },
  });
  return () => {
    window.removeEventListener('ticket-change', onChange);
    unbind();
  };
}
