import { api, cached } from './api.js';
import { field, formatTime, h, KINDS, select, STATUSES, toast } from './dom.js';
import { categoryPicker } from './category-picker.js';

let source = null;

/** Screen-pop: a 444 call reaching this agent shows the caller's record, open tickets and a ticket form. */
export function startCallPanel(current) {
  if (source) return;
  source = new EventSource(`/api/v1/live/calls?access_token=${encodeURIComponent(current.token)}`);
  source.addEventListener('open', () => {
    document.body.dataset.calls = 'on';
  });
  source.addEventListener('call', (event) => show(JSON.parse(event.data)));
}

async function show(call) {
  const panel = document.getElementById('call-panel');
  const categories = await cached('/categories');
  const c = call.citizen;
  const status = h('p', { id: 'call-result', role: 'status' });
  const note = h('textarea', { id: 'call-note', rows: 2 });
  const form = h(
    'form',
    { class: 'call-form' },
    field('Ad soyad', h('input', { id: 'call-name', value: c?.fullName ?? '' })),
    field('Telefon', h('input', { id: 'call-phone', value: call.callerMasked, readOnly: true }), 'Arayan numara başvuruya otomatik yazılır'),
    ...categoryPicker('call', categories),
    field('Tür', select('call-kind', Object.entries(KINDS), { value: 'talep' })),
    field('Başlık', h('input', { id: 'call-subject', required: true })),
    field('Açıklama', h('textarea', { id: 'call-description', rows: 3, required: true })),
    field('Görüşmede verilen yanıt (çözüldüyse)', note),
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'submit', value: 'open' }, 'Çağrıdan başvuru aç'),
      h('button', { type: 'submit', value: 'solved', class: 'secondary' }, 'Görüşmede çözüldü, kapat'),
    ),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const solved = event.submitter?.value === 'solved';
    const value = (id) => document.getElementById(id).value.trim() || undefined;
    try {
      const ticket = await api(`/calls/${encodeURIComponent(call.callSid)}/ticket`, {
        method: 'POST',
        body: {
          subject: value('call-subject'),
          description: value('call-description'),
          categoryId: value('call-category'),
          kind: value('call-kind'),
          citizenName: value('call-name'),
          solvedDuringCall: solved || undefined,
          resolutionNote: solved ? value('call-note') : undefined,
        },
      });
      status.replaceChildren(`${solved ? 'Kapatıldı' : 'Açıldı'}: ${ticket.trackingNo} `, h('a', { href: `#/basvuru/${ticket.id}` }, 'Başvuruyu aç'));
      toast(`Çağrı başvurusu ${ticket.trackingNo}`);
    } catch (e) {
      status.textContent = e.message;
    }
  });
  panel.replaceChildren(
    h(
      'div',
      { class: 'call-head' },
      h('h2', {}, `Gelen çağrı: ${call.callerMasked}`),
      h(
        'button',
        {
          type: 'button',
          class: 'link',
          onclick: () => {
            panel.hidden = true;
          },
        },
        'Paneli kapat',
      ),
    ),
    h('p', {}, c ? `Kayıtlı vatandaş: ${c.fullName ?? 'Adsız'} · ${formatTime(call.at)}` : 'Bu numarayla kayıtlı vatandaş yok.'),
    h('h3', {}, 'Açık başvuruları'),
    call.openTickets.length
      ? h(
          'ul',
          {},
          call.openTickets.map((t) => h('li', {}, h('a', { href: `#/basvuru/${t.id}` }, t.trackingNo), ` ${t.subject} (${STATUSES[t.status] ?? t.status})`)),
        )
      : h('p', {}, 'Açık başvurusu yok.'),
    form,
  );
  panel.hidden = false;
  document.getElementById('call-subject').focus();
}
