import { useEffect, useState } from 'preact/hooks';
import { DURATION_UNIT_LABELS } from '@app/domain';
import { api, ApiError, cached } from '../../api';
import { Field, optionsOf, Select, toast } from '../../components';
import { navigate, type RouteProps } from '../../router';
import type { Department, StepDefinition, Template } from './types';
import './processes.css';

const UNITS = ['working_days', 'calendar_days'];
const END_LABELS = { completed: 'Tamamlanır', rejected: 'Reddedilir', filed: 'Dosyalanır' };

/** An outcome per line: `kod | etiket | sonraki adım | bitiş`. */
const outcomesText = (s: StepDefinition) => (s.outcomes ?? []).map((o) => [o.code, o.label, o.next ?? '', o.end ?? ''].join(' | ')).join('\n');
function parseOutcomes(text: string): StepDefinition['outcomes'] {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (!lines.length) return null;
  return lines.map((line) => {
    const [code = '', label = '', next = '', end = ''] = line.split('|').map((p) => p.trim());
    return { code, label, next: next || null, end: end || null };
  });
}

const blankStep = (n: number): StepDefinition => ({ key: String(n), name: '', departmentId: null, duration: { min: 1, max: 1, unit: 'working_days' } });

/** Admin's template editor: the steps with their units, durations and decision outcomes; the rules' errors shown at their step. */
export function TemplateEditor({ params }: RouteProps) {
  const [template, setTemplate] = useState<Omit<Template, 'id'>>({
    code: '',
    name: '',
    description: '',
    ownerDepartmentId: '',
    targetOnTimeRatio: 0.9,
    active: true,
    steps: [blankStep(1)],
  });
  const [outcomes, setOutcomes] = useState<string[]>(['']);
  const [departments, setDepartments] = useState<Department[]>([]);
  const [errors, setErrors] = useState<{ field: string; message: string }[]>([]);

  useEffect(() => {
    cached<Department[]>('/departments')
      .then(setDepartments)
      .catch(() => undefined);
    if (!params.id) return;
    api<Template>(`/process-templates/${params.id}`)
      .then((t) => {
        setTemplate(t);
        setOutcomes(t.steps.map(outcomesText));
      })
      .catch((e: Error) => toast(e.message, 'error'));
  }, [params.id]);

  const setStep = (i: number, patch: Partial<StepDefinition>) =>
    setTemplate({ ...template, steps: template.steps.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const stepErrors = (i: number) => errors.filter((e) => e.field === `steps.${i}` || e.field.startsWith(`steps.${i}.`));
  const topErrors = errors.filter((e) => !/^steps\.\d+/.test(e.field));
  const topError = (field: string) => topErrors.find((e) => e.field === field)?.message;

  async function save(event: Event): Promise<void> {
    event.preventDefault();
    setErrors([]);
    const { code, name, description, ownerDepartmentId, targetOnTimeRatio, active } = template;
    const steps = template.steps.map((s, i) => ({
      key: s.key,
      name: s.name,
      departmentId: s.departmentId || null,
      role: s.role || null,
      actor: s.actor || null,
      referenceDocument: s.referenceDocument || null,
      duration: { min: Number(s.duration.min ?? s.duration.max), max: Number(s.duration.max), unit: s.duration.unit },
      next: s.next || null,
      outcomes: parseOutcomes(outcomes[i] ?? ''),
    }));
    try {
      const body = { code, name, description: description || null, ownerDepartmentId, targetOnTimeRatio: Number(targetOnTimeRatio), active, steps };
      const saved = await api<Template>(params.id ? `/process-templates/${params.id}` : '/process-templates', { method: params.id ? 'PUT' : 'POST', body });
      toast('Şablon kaydedildi');
      navigate(`#/surec-sablonu/${saved.id}`);
    } catch (e) {
      const err = e as ApiError;
      setErrors(err.details?.length ? err.details : [{ field: '', message: err.message }]);
    }
  }

  const deptOptions = departments.map((d) => [d.id, d.name] as const);
  return (
    <form class="processes" onSubmit={(e) => void save(e)}>
      <h2>{params.id ? `Süreç şablonu: ${template.name}` : 'Yeni süreç şablonu'}</h2>
      {topErrors
        .filter((e) => !['code', 'name', 'ownerDepartmentId', 'targetOnTimeRatio'].includes(e.field))
        .map((e) => (
          <p key={e.message} class="error" role="alert">
            {e.message}
          </p>
        ))}
      <div class="pr-editor-grid">
        <Field id="pt-code" label="Kod" error={topError('code')}>
          <input type="text" value={template.code} onInput={(e) => setTemplate({ ...template, code: (e.currentTarget as HTMLInputElement).value })} />
        </Field>
        <Field id="pt-name" label="Ad" error={topError('name')}>
          <input type="text" value={template.name} onInput={(e) => setTemplate({ ...template, name: (e.currentTarget as HTMLInputElement).value })} />
        </Field>
        <Field id="pt-owner" label="Sahip birim" error={topError('ownerDepartmentId')}>
          <Select options={deptOptions} empty="Seçin" value={template.ownerDepartmentId} onChange={(v) => setTemplate({ ...template, ownerDepartmentId: v })} />
        </Field>
        <Field id="pt-target" label="Zamanında bitirme hedefi (0–1)" error={topError('targetOnTimeRatio')}>
          <input
            type="number"
            step="0.01"
            min="0.01"
            max="1"
            value={template.targetOnTimeRatio}
            onInput={(e) => setTemplate({ ...template, targetOnTimeRatio: Number((e.currentTarget as HTMLInputElement).value) })}
          />
        </Field>
      </div>
      <h3>Adımlar</h3>
      <ol class="pr-editor-steps">
        {template.steps.map((s, i) => {
          const problems = stepErrors(i);
          const at = (f: string) => problems.find((p) => p.field === `steps.${i}.${f}`)?.message;
          return (
            <li key={i} class={problems.length ? 'pr-editor-step invalid' : 'pr-editor-step'} data-step-index={i}>
              <div class="pr-editor-grid">
                <Field id={`ps-${i}-key`} label="Anahtar" error={at('key')}>
                  <input type="text" size={4} value={s.key} onInput={(e) => setStep(i, { key: (e.currentTarget as HTMLInputElement).value })} />
                </Field>
                <Field id={`ps-${i}-name`} label="Adım" error={at('name')}>
                  <input type="text" size={40} value={s.name} onInput={(e) => setStep(i, { name: (e.currentTarget as HTMLInputElement).value })} />
                </Field>
                <Field id={`ps-${i}-dept`} label="Birim" error={at('departmentId')}>
                  <Select options={deptOptions} empty="—" value={s.departmentId ?? ''} onChange={(v) => setStep(i, { departmentId: v || null })} />
                </Field>
                <Field id={`ps-${i}-actor`} label="Dış aktör">
                  <input type="text" value={s.actor ?? ''} onInput={(e) => setStep(i, { actor: (e.currentTarget as HTMLInputElement).value })} />
                </Field>
                <Field id={`ps-${i}-min`} label="En az" error={at('duration.min')}>
                  <input
                    type="number"
                    value={s.duration.min ?? ''}
                    onInput={(e) => setStep(i, { duration: { ...s.duration, min: Number((e.currentTarget as HTMLInputElement).value) } })}
                  />
                </Field>
                <Field id={`ps-${i}-max`} label="En çok" error={at('duration.max') ?? at('duration')}>
                  <input
                    type="number"
                    value={s.duration.max}
                    onInput={(e) => setStep(i, { duration: { ...s.duration, max: Number((e.currentTarget as HTMLInputElement).value) } })}
                  />
                </Field>
                <Field id={`ps-${i}-unit`} label="Birim süre">
                  <Select
                    options={optionsOf(DURATION_UNIT_LABELS, UNITS)}
                    value={s.duration.unit}
                    onChange={(v) => setStep(i, { duration: { ...s.duration, unit: v } })}
                  />
                </Field>
                <Field id={`ps-${i}-next`} label="Sonraki adım" error={at('next')}>
                  <input type="text" size={4} value={s.next ?? ''} onInput={(e) => setStep(i, { next: (e.currentTarget as HTMLInputElement).value })} />
                </Field>
                <Field
                  id={`ps-${i}-outcomes`}
                  label="Karar sonuçları"
                  hint={`Satır başına: kod | etiket | sonraki adım | bitiş (${Object.keys(END_LABELS).join(', ')})`}
                >
                  <textarea
                    rows={2}
                    cols={40}
                    value={outcomes[i] ?? ''}
                    onInput={(e) => setOutcomes(Object.assign([...outcomes], { [i]: (e.currentTarget as HTMLTextAreaElement).value }))}
                  />
                </Field>
                <button
                  type="button"
                  class="secondary"
                  onClick={() => {
                    setTemplate({ ...template, steps: template.steps.filter((_, j) => j !== i) });
                    setOutcomes(outcomes.filter((_, j) => j !== i));
                  }}
                >
                  Adımı sil
                </button>
              </div>
              {problems.length ? (
                <div role="alert">
                  <ul class="pr-step-errors" aria-label={`${i + 1}. adımın hataları`}>
                    {problems.map((p) => (
                      <li key={p.field + p.message}>{p.message}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        class="secondary"
        onClick={() => {
          setTemplate({ ...template, steps: [...template.steps, blankStep(template.steps.length + 1)] });
          setOutcomes([...outcomes, '']);
        }}
      >
        Adım ekle
      </button>{' '}
      <button type="submit">Şablonu kaydet</button>
    </form>
  );
}
