/** Builds an element; children are nodes or text (text is never parsed as HTML). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key in el && !key.includes('-') && key !== 'list') el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** A labelled field with a place for its error message, linked for screen readers. */
export function field(label, input, hint) {
  const id = input.id;
  const error = h('p', { class: 'error', id: `${id}-error`, role: 'alert', hidden: true });
  input.setAttribute('aria-describedby', [hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' '));
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null, error);
}

export function showFieldError(id, message) {
  const error = document.getElementById(`${id}-error`);
  const input = document.getElementById(id);
  if (!error) return false;
  error.textContent = message ?? '';
  error.hidden = !message;
  input?.setAttribute('aria-invalid', message ? 'true' : 'false');
  return true;
}

export function clearErrors(root) {
  root.querySelectorAll('.error').forEach((e) => {
    e.textContent = '';
    e.hidden = true;
  });
  root.querySelectorAll('[aria-invalid]').forEach((e) => e.setAttribute('aria-invalid', 'false'));
}

export function select(id, options, { value, empty } = {}) {
  return h(
    'select',
    { id, name: id },
    empty !== undefined ? h('option', { value: '' }, empty) : null,
    options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)),
  );
}

let toastTimer;
export function toast(message, kind = 'info') {
  const el = document.getElementById('toast');
  el.textContent = message;
  el.className = `toast show ${kind}`;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    el.className = 'toast';
  }, 5000);
}

const FOLD = { ç: 'c', ğ: 'g', ı: 'i', ö: 'o', ş: 's', ü: 'u', â: 'a', î: 'i', û: 'u' };
/** "sikayet" matches "Şikâyet", "ISIK" matches "ışık" (as the server's foldTurkish). */
export function fold(text) {
  return String(text ?? '')
    .toLocaleLowerCase('tr-TR')
    .normalize('NFC')
    .replace(/[çğıöşüâîû]/g, (ch) => FOLD[ch])
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export const CHANNELS = {
  phone: 'Telefon',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  web: 'Web formu',
  email: 'E-posta',
  walk_in: 'Masaya gelen',
  field_team: 'Saha ekibi',
  muhtar: 'Muhtar',
  cimer: 'CİMER',
};
export const KINDS = { sikayet: 'Şikâyet', talep: 'Talep', oneri: 'Öneri', bilgi_edinme: 'Bilgi edinme', ihbar: 'İhbar', tesekkur: 'Teşekkür' };
export const STATUSES = {
  new: 'Yeni',
  assigned: 'Atandı',
  in_progress: 'İşlemde',
  waiting_for_citizen: 'Vatandaştan bilgi bekleniyor',
  answered: 'Yanıtlandı',
  closed: 'Kapatıldı',
  rejected: 'Reddedildi',
  referred: 'Kuruma yönlendirildi',
  reopened: 'Yeniden açıldı',
  merged: 'Birleştirildi',
};
export const ROLES = {
  agent: 'Çağrı merkezi temsilcisi',
  supervisor: 'Çağrı merkezi sorumlusu',
  department_staff: 'Birim personeli',
  department_manager: 'Birim müdürü',
  executive: 'Yönetici',
  admin: 'Sistem yöneticisi',
};
export const BASES = { law_3071: '3071 (dilekçe)', law_4982: '4982 (bilgi edinme)', kvkk: 'KVKK', internal: 'İç hedef' };
export const OPEN = ['new', 'assigned', 'in_progress', 'waiting_for_citizen', 'reopened'];

const dateTime = new Intl.DateTimeFormat('tr-TR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Istanbul' });
export const formatTime = (iso) => (iso ? dateTime.format(new Date(iso)) : '—');

function span(ms) {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 60) return `${minutes} dk`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} sa ${minutes % 60} dk`;
  return `${Math.floor(hours / 24)} gün ${hours % 24} sa`;
}

export const age = (iso) => span(Date.now() - new Date(iso).getTime());

/** "2 sa 10 dk kaldı" or "3 gün gecikti"; `late` for styling. */
export function countdown(iso) {
  if (!iso) return { text: 'Süre yok', late: false };
  const left = new Date(iso).getTime() - Date.now();
  return left >= 0 ? { text: `${span(left)} kaldı`, late: false } : { text: `${span(left)} gecikti`, late: true };
}

/** Where each role starts after logging in. */
export function startPage(role) {
  return (
    {
      agent: '#/kuyruk',
      supervisor: '#/kuyruk',
      department_staff: '#/gelen-kutusu',
      department_manager: '#/gelen-kutusu',
      executive: '#/yonetici',
      admin: '#/yonetim',
    }[role] ?? '#/kuyruk'
  );
}
