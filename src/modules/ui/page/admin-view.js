import { api, dropCache } from './api.js';
import { BASES, clearErrors, field, formatTime, h, KINDS, ROLES, select, showFieldError, toast } from './dom.js';
import { renderWhatsapp } from './whatsapp-view.js';

const LEVELS = { baskanlik: 'Başkanlık', baskan_yardimciligi: 'Başkan yardımcılığı', mudurluk: 'Müdürlük' };
const UNITS = { calendar_days: 'Takvim günü', working_days: 'İş günü', working_hours: 'İş saati' };
const OVERRIDES = { day_off: 'Tam gün tatil', half_day_off: 'Yarım gün (13:00 sonrası)', working_day: 'Çalışma günü' };

const yes = (b) => (b === false ? 'Hayır' : 'Evet');

/** Each admin section: what to list, which columns, what a new row needs. */
function sections(refs) {
  const deptOptions = refs.departments.map((d) => [d.id, d.name]);
  return {
    birimler: {
      title: 'Birimler',
      path: '/departments',
      columns: [
        ['Kod', (r) => r.code],
        ['Ad', (r) => r.name],
        ['Düzey', (r) => LEVELS[r.level]],
        ['Otomatik atama', (r) => yes(r.autoAssign)],
        ['Etkin', (r) => yes(r.active)],
      ],
      fields: [
        ['code', 'Kod (BÜYÜK_HARF)'],
        ['name', 'Ad'],
        ['level', 'Düzey', Object.entries(LEVELS)],
        ['parentId', 'Bağlı olduğu birim', deptOptions],
      ],
      toggle: 'active',
    },
    konular: {
      title: 'Konular',
      path: '/categories',
      columns: [
        ['Kod', (r) => r.serviceCode],
        ['Ad', (r) => r.name],
        ['Tür', (r) => KINDS[r.kind]],
        ['Birim', (r) => refs.departments.find((d) => d.id === r.defaultDepartmentId)?.name ?? '—'],
        ['Etkin', (r) => yes(r.active)],
      ],
      fields: [
        ['serviceCode', 'Hizmet kodu (örn. TEM-001)'],
        ['name', 'Ad'],
        ['kind', 'Tür', Object.entries(KINDS)],
        ['defaultDepartmentId', 'Birim', deptOptions],
        ['deadlinePolicyId', 'Süre politikası', refs.policies.map((p) => [p.id, p.name])],
        ['keywords', 'Anahtar sözcükler (virgülle)', 'list'],
      ],
      toggle: 'active',
    },
    sureler: {
      title: 'Süre politikaları',
      path: '/deadline-policies',
      columns: [
        ['Kod', (r) => r.code],
        ['Ad', (r) => r.name],
        ['Dayanak', (r) => BASES[r.legalBasis]],
        ['Sonuçlandırma', (r) => `${r.resolutionAmount} ${UNITS[r.resolutionUnit]}`],
        ['İlk yanıt', (r) => (r.firstResponseAmount ? `${r.firstResponseAmount} ${UNITS[r.firstResponseUnit]}` : '—')],
      ],
      fields: [
        ['code', 'Kod'],
        ['name', 'Ad'],
        ['legalBasis', 'Dayanak', Object.entries(BASES)],
        ['resolutionAmount', 'Sonuçlandırma süresi', 'number'],
        ['resolutionUnit', 'Birim', Object.entries(UNITS)],
      ],
    },
    kullanicilar: {
      title: 'Kullanıcılar',
      path: '/users',
      query: { pageSize: 100 },
      columns: [
        ['Kullanıcı adı', (r) => r.username],
        ['Ad', (r) => r.fullName],
        ['Rol', (r) => ROLES[r.role]],
        ['Birim', (r) => refs.departments.find((d) => d.id === r.departmentId)?.name ?? '—'],
        ['Müsait', (r) => yes(r.available)],
        ['Etkin', (r) => yes(r.active)],
      ],
      fields: [
        ['username', 'Kullanıcı adı'],
        ['fullName', 'Ad soyad'],
        ['role', 'Rol', Object.entries(ROLES)],
        ['departmentId', 'Birim', deptOptions],
        ['password', 'Parola (en az 12 karakter)', 'password'],
      ],
      toggle: 'active',
    },
    mahalleler: {
      title: 'Mahalleler',
      path: '/mahalleler',
      columns: [
        ['Kod', (r) => r.code],
        ['Ad', (r) => r.name],
        ['Muhtar', (r) => r.muhtarName ?? '—'],
        ['Etkin', (r) => yes(r.active)],
      ],
      fields: [
        ['code', 'Kod (BÜYÜK_HARF)'],
        ['name', 'Ad'],
        ['muhtarName', 'Muhtar'],
      ],
      toggle: 'active',
    },
    takvim: {
      title: 'Takvim istisnaları',
      path: '/calendar/overrides',
      listPath: `/calendar?year=${new Date().getFullYear()}`,
      list: (d) => d.overrides,
      columns: [
        ['Tarih', (r) => r.date],
        ['Tür', (r) => OVERRIDES[r.kind]],
        ['Gerekçe', (r) => r.reason],
      ],
      fields: [
        ['date', 'Tarih', 'date'],
        ['kind', 'Tür', Object.entries(OVERRIDES)],
        ['reason', 'Gerekçe'],
      ],
      remove: (r) => `/calendar/overrides/${r.id}`,
    },
    isler: {
      title: 'Başarısız işler',
      listPath: '/admin/jobs/failed?pageSize=100',
      columns: [
        ['Kuyruk', (r) => r.queue],
        ['İş', (r) => r.name],
        ['Hata', (r) => r.failedReason],
        ['Deneme', (r) => r.attemptsMade],
        ['Zaman', (r) => formatTime(r.failedAt)],
      ],
      rowAction: ['Yeniden çalıştır', (r) => api(`/admin/jobs/${r.queue}/${encodeURIComponent(r.id)}/retry`, { method: 'POST', body: {} })],
    },
    whatsapp: { title: 'WhatsApp eşleştirme', custom: renderWhatsapp },
  };
}

export async function renderAdmin(main, current, section = 'birimler') {
  const [departments, policies] = await Promise.all([api('/departments'), api('/deadline-policies')]);
  const all = sections({ departments, policies });
  const spec = all[section] ?? all.birimler;
  main.append(
    h(
      'nav',
      { class: 'subnav', 'aria-label': 'Yönetim bölümleri' },
      h(
        'ul',
        {},
        Object.entries(all).map(([key, s]) => h('li', {}, h('a', { href: `#/yonetim/${key}`, 'aria-current': s === spec ? 'page' : undefined }, s.title))),
      ),
    ),
    h('h1', {}, spec.title),
  );
  const content = h('div');
  main.append(content);
  if (spec.custom) return spec.custom(content);
  const body = h('tbody');
  const load = async () => {
    const data = await api(spec.listPath ?? spec.path, { query: spec.query });
    const rows = spec.list ? spec.list(data) : (data.items ?? data);
    body.replaceChildren(
      ...(rows.length
        ? rows.map((r) =>
            h(
              'tr',
              {},
              spec.columns.map(([, fn]) => h('td', {}, String(fn(r) ?? '—'))),
              h('td', {}, actionsFor(r)),
            ),
          )
        : [h('tr', {}, h('td', { colSpan: spec.columns.length + 1 }, 'Kayıt yok'))]),
    );
  };
  const run = async (promise, message) => {
    try {
      await promise;
      toast(message);
      dropCache();
      await load();
    } catch (e) {
      toast(e.message, 'error');
    }
  };
  const actionsFor = (r) => [
    spec.toggle
      ? h(
          'button',
          {
            type: 'button',
            class: 'small secondary',
            onclick: () => run(api(`${spec.path}/${r.id}`, { method: 'PATCH', body: { [spec.toggle]: r[spec.toggle] === false } }), 'Güncellendi'),
          },
          r[spec.toggle] === false ? 'Etkinleştir' : 'Devre dışı bırak',
        )
      : null,
    spec.remove
      ? h('button', { type: 'button', class: 'small secondary', onclick: () => run(api(spec.remove(r), { method: 'DELETE' }), 'Silindi') }, 'Sil')
      : null,
    spec.rowAction
      ? h('button', { type: 'button', class: 'small', onclick: () => run(spec.rowAction[1](r), 'Yeniden kuyruğa alındı') }, spec.rowAction[0])
      : null,
  ];
  content.append(
    h(
      'table',
      { class: 'admin' },
      h('caption', { class: 'sr-only' }, spec.title),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          spec.columns.map(([label]) => h('th', { scope: 'col' }, label)),
          h('th', { scope: 'col' }, 'İşlem'),
        ),
      ),
      body,
    ),
  );
  if (spec.fields) content.append(createForm(spec, load));
  await load().catch((e) => toast(e.message, 'error'));
  return undefined;
}

function createForm(spec, reload) {
  const inputs = spec.fields.map(([name, label, type]) => {
    const id = `new-${name}`;
    const input = Array.isArray(type) ? select(id, type, { empty: 'Seçin' }) : h('input', { id, name, type: type === 'list' ? 'text' : (type ?? 'text') });
    return field(label, input);
  });
  const form = h(
    'form',
    { class: 'card inline-form', 'aria-label': `Yeni kayıt: ${spec.title}` },
    h('h2', {}, 'Yeni kayıt'),
    inputs,
    h('button', { type: 'submit' }, 'Ekle'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const body = {};
    for (const [name, , type] of spec.fields) {
      const value = document.getElementById(`new-${name}`).value.trim();
      if (!value) continue;
      body[name] =
        type === 'number'
          ? Number(value)
          : type === 'list'
            ? value
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean)
            : value;
    }
    try {
      await api(spec.path, { method: 'POST', body });
      toast('Kaydedildi');
      form.reset();
      dropCache();
      await reload();
    } catch (e) {
      const shown = (e.details ?? []).map((d) => showFieldError(`new-${d.field}`, d.message)).some(Boolean);
      if (!shown) toast(e.message, 'error');
    }
  });
  return form;
}
