import { cached } from './api.js';
import { field, fold, h, OPEN, select } from './dom.js';

const OUTCOMES = {
  answered: 'Yanıtla ve sonuçlandır',
  waiting_for_citizen: 'Vatandaştan bilgi iste',
  rejected: 'Reddet (gerekçeli)',
  referred: 'Başka kuruma yönlendir',
  closed: 'Kapat',
  reopened: 'Yeniden aç',
};

/** Mirrors the server's state machine so only moves that can succeed are offered. */
function outcomesFrom(status) {
  if (OPEN.includes(status) && status !== 'waiting_for_citizen') return ['answered', 'waiting_for_citizen', 'rejected', 'referred'];
  return (
    {
      waiting_for_citizen: ['answered', 'rejected', 'closed'],
      answered: ['closed', 'reopened'],
      closed: ['reopened'],
      rejected: ['reopened'],
      referred: ['reopened'],
    }[status] ?? []
  );
}

function form(id, title, children, submitLabel, onSubmit, open = false) {
  const f = h('form', {}, children, h('button', { type: 'submit' }, submitLabel));
  f.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = f.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      await onSubmit();
    } finally {
      button.disabled = false;
    }
  });
  return h('details', { id: `act-${id}`, open }, h('summary', {}, title), f);
}

const area = (id, rows = 3) => h('textarea', { id, name: id, rows, required: true, minLength: 3 });

/** The action forms for one ticket; `act(path, body, doneMessage)` posts and reloads. */
export async function renderActions(container, t, current, act) {
  const role = current.user.role;
  const dept = ['department_staff', 'department_manager'].includes(role);
  const callCentre = ['agent', 'supervisor', 'admin'].includes(role);
  const v = () => t.version;
  const [departments, categories, mahalleler, institutions] = await Promise.all([
    cached('/departments'),
    cached('/categories'),
    cached('/mahalleler'),
    cached('/institutions'),
  ]);
  const value = (id) => document.getElementById(id).value.trim();
  const parts = [h('h2', {}, 'İşlemler')];

  if (t.status === 'merged') {
    container.replaceChildren(...parts, h('p', {}, 'Bu başvuru başka bir başvuruyla birleştirildi; işlem yapılamaz.'));
    return;
  }
  if (dept && t.assignee?.id !== current.user.id && OPEN.includes(t.status)) {
    parts.push(
      h('button', { type: 'button', id: 'claim', onclick: () => act(`/tickets/${t.id}/claim`, { version: v() }, 'Başvuru üzerinize alındı') }, 'Üstlen'),
    );
  }
  if (callCentre && !t.assignee && OPEN.includes(t.status)) {
    parts.push(
      h(
        'button',
        {
          type: 'button',
          id: 'assign-me',
          onclick: () => act(`/tickets/${t.id}/assign`, { version: v(), assigneeId: current.user.id }, 'Başvuru size atandı'),
        },
        'Bana ata',
      ),
    );
  }
  parts.push(
    form('reply', 'Vatandaşa yanıt (r)', field('Yanıt metni (vatandaşın kanalından gider)', area('reply-body', 4)), 'Yanıtı gönder', () =>
      act(`/tickets/${t.id}/entries`, { type: 'reply', body: value('reply-body') }, 'Yanıt gönderildi'),
    ),
  );
  parts.push(
    form('note', 'İç not', field('Not (vatandaş görmez)', area('note-body')), 'Notu ekle', () =>
      act(`/tickets/${t.id}/entries`, { type: 'note', body: value('note-body') }, 'Not eklendi'),
    ),
  );

  if (callCentre && t.status === 'new' && !t.routedAt) {
    const search = h('input', { id: 'cat-search', type: 'search', autocomplete: 'off' });
    const catSelect = select(
      'cat-id',
      categories.map((c) => [c.id, c.name]),
      { empty: 'Konu seçin' },
    );
    catSelect.required = true;
    search.addEventListener('input', () => {
      const needle = fold(search.value);
      [...catSelect.options].forEach((o) => {
        o.hidden =
          o.value !== '' && !!needle && !fold(`${o.textContent} ${categories.find((c) => c.id === o.value)?.keywords?.join(' ') ?? ''}`).includes(needle);
      });
      const first = [...catSelect.options].find((o) => o.value && !o.hidden);
      if (first) catSelect.value = first.value;
    });
    parts.push(
      form(
        'categorise',
        'Sınıflandır ve yönlendir',
        [
          field('Konu ara (Türkçe harfsiz de yazılabilir)', search),
          field('Konu', catSelect),
          field(
            'Mahalle',
            select(
              'cat-mahalle',
              mahalleler.map((m) => [m.id, m.name]),
              { empty: 'Değiştirme', value: t.mahalle?.id },
            ),
          ),
        ],
        'Sınıflandır',
        () =>
          act(
            `/tickets/${t.id}/categorise`,
            { version: v(), categoryId: value('cat-id'), mahalleId: value('cat-mahalle') || undefined },
            'Sınıflandırıldı ve yönlendirildi',
          ),
        t.triage,
      ),
    );
  }
  if (OPEN.includes(t.status)) {
    const targets = departments.filter((d) => d.level === 'mudurluk' && d.active !== false && d.id !== t.department?.id).map((d) => [d.id, d.name]);
    const target = select('transfer-dept', targets, { empty: 'Birim seçin' });
    target.required = true;
    parts.push(
      form('transfer', 'Başka birime aktar (t)', [field('Hedef birim', target), field('Aktarma gerekçesi', area('transfer-reason'))], 'Aktar', () =>
        act(`/tickets/${t.id}/transfer`, { version: v(), departmentId: value('transfer-dept'), reason: value('transfer-reason') }, 'Başvuru aktarıldı'),
      ),
    );
  }
  const outcomes = outcomesFrom(t.status);
  if (outcomes.length) {
    const outcome = select(
      'resolve-outcome',
      outcomes.map((o) => [o, OUTCOMES[o]]),
    );
    const institution = select(
      'resolve-institution',
      institutions.map((i) => [i.id, i.name]),
      { empty: 'Kurum seçin' },
    );
    const text = h('textarea', { id: 'resolve-text', rows: 4 });
    const textLabel = h('label', { for: 'resolve-text' }, '');
    const instField = field('Kurum', institution);
    const sync = () => {
      const o = outcome.value;
      textLabel.textContent = {
        answered: 'Vatandaşa verilecek yanıt',
        waiting_for_citizen: 'Vatandaşa sorulacak soru',
        rejected: 'Ret gerekçesi',
        reopened: 'Yeniden açma gerekçesi',
        referred: 'Not (isteğe bağlı)',
        closed: 'Not (isteğe bağlı)',
      }[o];
      text.required = !['referred', 'closed'].includes(o);
      instField.hidden = o !== 'referred';
      institution.required = o === 'referred';
    };
    outcome.addEventListener('change', sync);
    sync();
    parts.push(
      form('resolve', 'Sonuçlandır / kapat (c)', [field('Sonuç', outcome), instField, h('div', { class: 'field' }, textLabel, text)], 'Kaydet', () => {
        const o = outcome.value;
        const body = { version: v(), status: o };
        const note = text.value.trim();
        if (['answered', 'waiting_for_citizen'].includes(o) || (note && o !== 'rejected' && o !== 'reopened')) body.note = note || undefined;
        if (['rejected', 'reopened'].includes(o)) body.reason = note;
        if (o === 'referred') body.institutionId = institution.value;
        return act(`/tickets/${t.id}/status`, body, `Durum: ${OUTCOMES[o]}`);
      }),
    );
  }
  if (dept && OPEN.includes(t.status)) {
    parts.push(
      form('return', 'Çağrı merkezine iade et', field('İade gerekçesi (yanlış yönlendirme)', area('return-reason')), 'İade et', () =>
        act(`/tickets/${t.id}/return`, { version: v(), reason: value('return-reason') }, 'Başvuru çağrı merkezine iade edildi'),
      ),
    );
  }
  container.replaceChildren(...parts);
}
