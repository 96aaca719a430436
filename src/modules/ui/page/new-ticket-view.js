import { api, cached } from './api.js';
import { CHANNELS, clearErrors, field, h, KINDS, select, showFieldError, toast } from './dom.js';
import { categoryPicker } from './category-picker.js';

const DESK_CHANNELS = ['phone', 'walk_in', 'field_team', 'muhtar', 'email', 'cimer'];
// Server field names → the inputs that show their message.
const FIELD_INPUTS = {
  'citizen.phone': 'nt-phone',
  phone: 'nt-phone',
  'citizen.fullName': 'nt-name',
  subject: 'nt-subject',
  description: 'nt-description',
  address: 'nt-address',
  categoryId: 'nt-category',
  mahalleId: 'nt-mahalle',
  kind: 'nt-kind',
  channel: 'nt-channel',
  externalRef: 'nt-ref',
};

/** A ticket taken on the phone, at the desk, from a field team or a muhtar. */
export async function renderNewTicket(main) {
  const [categories, mahalleler] = await Promise.all([cached('/categories'), cached('/mahalleler')]);
  let citizen = null;
  const phone = h('input', { id: 'nt-phone', name: 'phone', type: 'tel', autocomplete: 'off', inputMode: 'tel' });
  const name = h('input', { id: 'nt-name', name: 'fullName', autocomplete: 'off' });
  const found = h('p', { id: 'nt-citizen', class: 'hint', 'aria-live': 'polite' });
  const lookup = h('button', { type: 'button', class: 'secondary', onclick: find }, 'Vatandaşı bul');
  const result = h('div', { id: 'nt-result', class: 'result', role: 'status', 'aria-live': 'polite', hidden: true });
  const formEl = h(
    'form',
    { class: 'card new-ticket', 'aria-labelledby': 'nt-title', novalidate: true },
    h('h1', { id: 'nt-title' }, 'Yeni başvuru'),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Vatandaş'),
      h('div', { class: 'row' }, field('Telefon', phone, 'Örn. 0532 123 45 67'), lookup),
      found,
      field('Ad soyad', name),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Başvuru'),
      h(
        'div',
        { class: 'row' },
        field(
          'Kanal',
          select(
            'nt-channel',
            DESK_CHANNELS.map((c) => [c, CHANNELS[c]]),
            { value: 'phone' },
          ),
        ),
        field('Tür', select('nt-kind', Object.entries(KINDS), { empty: 'Konunun türü' })),
      ),
      ...categoryPicker('nt', categories),
      field(
        'Mahalle',
        select(
          'nt-mahalle',
          mahalleler.map((m) => [m.id, m.name]),
          { empty: 'Mahalle seçin' },
        ),
      ),
      field('Başlık', h('input', { id: 'nt-subject', name: 'subject', required: true })),
      field('Açıklama', h('textarea', { id: 'nt-description', name: 'description', rows: 5, required: true })),
      field('Adres', h('input', { id: 'nt-address', name: 'address' })),
      field('Dış referans (CİMER no)', h('input', { id: 'nt-ref', name: 'externalRef' })),
    ),
    h('p', { class: 'error', id: 'nt-form-error', role: 'alert', hidden: true }),
    h('button', { type: 'submit' }, 'Başvuruyu kaydet'),
    result,
  );
  main.append(formEl);
  phone.focus();

  async function find() {
    clearErrors(formEl);
    citizen = null;
    found.textContent = '';
    if (!phone.value.trim()) {
      showFieldError('nt-phone', 'Telefon numarasını yazın');
      return;
    }
    try {
      const page = await api('/citizens', { query: { phone: phone.value.trim() } });
      citizen = page.items[0] ?? null;
      found.textContent = citizen ? `Kayıtlı vatandaş: ${citizen.fullName ?? 'Adsız'} (${citizen.phone})` : 'Kayıt yok: kaydedince yeni vatandaş oluşturulur.';
      if (citizen?.fullName) name.value = citizen.fullName;
    } catch (e) {
      if (e.status === 403) found.textContent = 'Vatandaş araması yetkiniz yok; kaydedince numara ile eşleştirilir.';
      else if (!showFieldError('nt-phone', e.field('phone') ?? e.message)) toast(e.message, 'error');
    }
  }

  formEl.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(formEl);
    result.hidden = true;
    const value = (id) => document.getElementById(id).value.trim() || undefined;
    const body = {
      channel: value('nt-channel'),
      kind: value('nt-kind'),
      categoryId: value('nt-category'),
      mahalleId: value('nt-mahalle'),
      subject: value('nt-subject'),
      description: value('nt-description'),
      address: value('nt-address'),
      externalRef: value('nt-ref'),
      ...(citizen ? { citizenId: citizen.id } : { citizen: { fullName: value('nt-name'), phone: value('nt-phone') } }),
    };
    try {
      const ticket = await api('/tickets', { method: 'POST', body });
      result.replaceChildren(
        h('strong', {}, `Başvuru kaydedildi. Takip numarası: ${ticket.trackingNo}`),
        ' ',
        h('a', { href: `#/basvuru/${ticket.id}` }, 'Başvuruyu aç'),
      );
      result.hidden = false;
      formEl.querySelectorAll('#nt-subject, #nt-description, #nt-address, #nt-ref').forEach((i) => {
        i.value = '';
      });
      toast(`Takip numarası: ${ticket.trackingNo}`);
    } catch (e) {
      let shown = false;
      for (const d of e.details ?? []) shown = showFieldError(FIELD_INPUTS[d.field] ?? '', d.message) || shown;
      if (!shown) {
        const general = document.getElementById('nt-form-error');
        general.textContent = e.message;
        general.hidden = false;
      }
      formEl.querySelector('[aria-invalid=true]')?.focus();
    }
  });
}
