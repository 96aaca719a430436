import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, fold } from './deps';
import type { Category, Suggestion } from './types';

const MAX = 8;

/** The classifier's top three for what is being typed (debounced); none while the text is short or the model is untrained. */
export function useSuggestions(text: string, enabled = true): Suggestion['top'] {
  const [top, setTop] = useState<Suggestion['top']>([]);
  useEffect(() => {
    if (!enabled || text.trim().length < 8) {
      setTop([]);
      return undefined;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api<Suggestion>('/classifier/suggestions', { method: 'POST', body: { text }, signal: controller.signal }).then(
        (s) => setTop(s.top ?? []),
        () => undefined,
      );
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, enabled]);
  return top;
}

/**
 * Safe categorisation: the classifier's suggestions and a search over the categories (Turkish letters
 * and case ignored), as radio buttons. Nothing is chosen until the agent chooses; Enter in the search
 * box takes the first match, which is the agent's choice too.
 */
export function CategoryPicker({
  prefix,
  categories,
  value,
  onChange,
  text = '',
  suggest = true,
  required = false,
  label = 'Konu',
  searchId,
  groupId,
  error,
}: {
  prefix: string;
  /** The search box's id (default `<prefix>-cat-search`) and the choices' group id (default `<prefix>-category`). */
  searchId?: string;
  groupId?: string;
  error?: string | null;
  categories: Category[];
  value: string | null;
  onChange: (id: string | null) => void;
  /** What the classifier reads: the subject and description as typed. */
  text?: string;
  suggest?: boolean;
  required?: boolean;
  label?: string;
}) {
  const [search, setSearch] = useState('');
  const active = useMemo(() => categories.filter((c) => c.active !== false), [categories]);
  const top = useSuggestions(text, suggest);
  const needle = fold(search);
  const matches = useMemo(
    () => (needle ? active.filter((c) => fold(`${c.name} ${c.serviceCode} ${(c.keywords ?? []).join(' ')}`).includes(needle)).slice(0, MAX) : []),
    [needle, active],
  );
  const sid = searchId ?? `${prefix}-cat-search`;
  const gid = groupId ?? `${prefix}-category`;
  const chosen = active.find((c) => c.id === value) ?? null;
  const byId = new Map(active.map((c) => [c.id, c]));
  const suggested = top.filter((s) => byId.has(s.categoryId));
  const shown = [
    ...suggested.map((s) => ({ category: byId.get(s.categoryId)!, note: `öneri, %${Math.round(s.probability * 100)}` })),
    ...matches.filter((c) => !suggested.some((s) => s.categoryId === c.id)).map((c) => ({ category: c, note: '' })),
  ];
  if (chosen && !shown.some((s) => s.category.id === chosen.id)) shown.unshift({ category: chosen, note: 'seçili' });
  return (
    <div class="category-picker">
      <div class="field">
        <label for={sid}>Konu ara (Türkçe harfsiz de yazılabilir)</label>
        <input
          id={sid}
          type="search"
          autocomplete="off"
          value={search}
          aria-describedby={`${sid}-hint`}
          onInput={(e) => setSearch((e.target as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && matches[0]) {
              e.preventDefault();
              onChange(matches[0].id);
            }
          }}
        />
        <p class="hint" id={`${sid}-hint`}>
          {needle
            ? `${matches.length ? matches.length : 'Hiç'} eşleşme${matches.length === MAX ? ' (ilk 8)' : ''}; Enter ilkini seçer.`
            : 'Yazdıkça eşleşen konular ve sistemin önerileri aşağıda listelenir.'}
        </p>
      </div>
      <fieldset class="cat-choices" id={gid} aria-describedby={error ? `${gid}-error` : undefined}>
        <legend>
          {label}
          {required ? ' (zorunlu)' : ''}: <strong id={`${gid}-chosen`}>{chosen ? chosen.name : 'seçilmedi'}</strong>
        </legend>
        {shown.length ? (
          shown.map(({ category, note }) => (
            <label key={category.id} class="cat-choice">
              <input type="radio" name={gid} value={category.id} required={required} checked={category.id === value} onChange={() => onChange(category.id)} />
              {category.name}
              {note ? <span class="cat-note"> ({note})</span> : null}
            </label>
          ))
        ) : (
          <p class="hint">Önce konu arayın.</p>
        )}
        {chosen ? (
          <button type="button" class="link" onClick={() => onChange(null)}>
            Seçimi kaldır
          </button>
        ) : null}
        {error ? (
          <p class="error" id={`${gid}-error`} role="alert">
            {error}
          </p>
        ) : null}
      </fieldset>
    </div>
  );
}
