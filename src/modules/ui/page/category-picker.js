import { field, fold, h } from './dom.js';

/** A search box over the categories that ignores Turkish letters and case ("cop" finds "Çöp"), with a labelled select. */
export function categoryPicker(prefix, categories, { required = false } = {}) {
  const active = categories.filter((c) => c.active !== false);
  const search = h('input', { id: `${prefix}-cat-search`, type: 'search', autocomplete: 'off' });
  const choice = h(
    'select',
    { id: `${prefix}-category`, name: 'categoryId', required },
    h('option', { value: '' }, 'Konu seçin'),
    active.map((c) => h('option', { value: c.id }, c.name)),
  );
  search.addEventListener('input', () => {
    const needle = fold(search.value);
    let first = null;
    for (const option of choice.options) {
      if (!option.value) continue;
      const c = active.find((x) => x.id === option.value);
      option.hidden = !!needle && !fold(`${c.name} ${c.serviceCode} ${(c.keywords ?? []).join(' ')}`).includes(needle);
      if (!option.hidden && !first) first = option;
    }
    choice.value = first && needle ? first.value : choice.value;
  });
  return [field('Konu ara (Türkçe harfsiz de yazılabilir)', search), field('Konu', choice)];
}
