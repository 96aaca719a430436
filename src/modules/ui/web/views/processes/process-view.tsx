import { useEffect, useState } from 'preact/hooks';
import { DURATION_UNIT_LABELS, PROCESS_EVENT_LABELS, PROCESS_STATUS_LABELS } from '@app/domain';
import { api, ApiError, cached } from '../../api';
import { Field, Select, toast } from '../../components';
import { countdown, formatTime } from '../../format';
import type { RouteProps } from '../../router';
import type { Department, Instance, StepRun } from './types';
import './processes.css';

/** One instance: its steps on a timeline with their deadlines and escalations, the open one completed here. */
export function ProcessView({ params }: RouteProps) {
  const [instance, setInstance] = useState<Instance | null>(null);
  const [departments, setDepartments] = useState<Department[]>([]);
  useEffect(() => {
    api<Instance>(`/processes/${params.id}`)
      .then(setInstance)
      .catch((e: Error) => toast(e.message, 'error'));
    cached<Department[]>('/departments')
      .then(setDepartments)
      .catch(() => undefined);
  }, [params.id]);
  if (!instance) return <p>Yükleniyor…</p>;
  const unit = (id: string) => departments.find((d) => d.id === id)?.name ?? '';
  const escalations = (step: StepRun) => instance.timeline.filter((e) => e.stepId === step.id && e.type === 'escalated');
  const upcoming = instance.status === 'running' ? instance.definition.filter((d) => !instance.steps.some((s) => s.key === d.key)) : [];
  return (
    <div class="processes">
      <h2>{instance.title}</h2>
      <p>
        <span class={`badge pr-status-${instance.status}`} id="process-status">
          {PROCESS_STATUS_LABELS[instance.status] ?? instance.status}
        </span>{' '}
        Başlangıç {formatTime(instance.startedAt)}
        {instance.endedAt ? ` · Bitiş ${formatTime(instance.endedAt)}` : ''}
      </p>
      <ol class="pr-steps" aria-label="Süreç adımları">
        {instance.steps.map((step) => {
          const ups = escalations(step);
          const left = countdown(step.dueAt);
          return (
            <li key={step.id} class={`pr-step ${step.completedAt ? 'done' : 'open'} ${step.late ? 'late' : ''}`} data-step={step.key}>
              <h3>
                {step.key}. {step.name}
              </h3>
              <p class="muted">
                {unit(step.departmentId)} · {step.minAmount === step.maxAmount ? step.maxAmount : `${step.minAmount}–${step.maxAmount}`}{' '}
                {DURATION_UNIT_LABELS[step.unit] ?? step.unit}
              </p>
              <p>
                Açıldı {formatTime(step.openedAt)} · Son gün <span class="pr-due">{formatTime(step.dueAt)}</span>
                {step.completedAt ? null : <span class={left.late ? 'badge late' : 'badge'}> {left.text}</span>}
              </p>
              {step.completedAt ? (
                <p>
                  Tamamlandı {formatTime(step.completedAt)} {step.late ? <span class="badge late">gecikmeli</span> : <span class="badge">zamanında</span>}
                  {step.document ? <span class="pr-document"> · Belge: {step.document}</span> : null}
                  {step.outcome ? ` · Karar: ${outcomeLabel(instance, step)}` : ''}
                  {step.note ? ` · ${step.note}` : ''}
                </p>
              ) : null}
              {ups.length ? (
                <p class="pr-escalation" data-level={String(ups[ups.length - 1].data?.level ?? '')}>
                  Eskalasyon: {ups.map((e) => e.body).join(' → ')}
                </p>
              ) : null}
              {!step.completedAt && instance.status === 'running' ? <CompleteStep instance={instance} step={step} onDone={setInstance} /> : null}
            </li>
          );
        })}
        {upcoming.map((d) => (
          <li key={d.key} class="pr-step upcoming" data-step={d.key}>
            <h3>
              {d.key}. {d.name}
            </h3>
            <p class="muted">
              Sırası gelmedi · en çok {d.duration.max} {DURATION_UNIT_LABELS[d.duration.unit] ?? d.duration.unit}
            </p>
          </li>
        ))}
      </ol>
      <section aria-labelledby="pr-timeline-title">
        <h3 id="pr-timeline-title">Zaman çizelgesi</h3>
        <ul class="pr-timeline">
          {instance.timeline.map((e) => (
            <li key={e.seq} class={`ev-${e.type}`}>
              <time>{formatTime(e.at)}</time> <strong>{PROCESS_EVENT_LABELS[e.type] ?? e.type}</strong> {e.body ?? ''}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function outcomeLabel(instance: Instance, step: StepRun): string {
  const def = instance.definition.find((d) => d.key === step.key);
  return def?.outcomes?.find((o) => o.code === step.outcome)?.label ?? step.outcome ?? '';
}

function CompleteStep({ instance, step, onDone }: { instance: Instance; step: StepRun; onDone: (i: Instance) => void }) {
  const outcomes = instance.definition.find((d) => d.key === step.key)?.outcomes ?? [];
  const [form, setForm] = useState({ document: '', note: '', outcome: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    setErrors({});
    if (!form.document.trim()) return setErrors({ document: 'Adımı tamamlayan belgenin sayısı gerekli' });
    try {
      const body = { document: form.document.trim(), note: form.note.trim() || undefined, outcome: form.outcome || undefined };
      onDone(await api<Instance>(`/processes/${instance.id}/steps/${step.id}/complete`, { method: 'POST', body }));
      toast(`${step.key}. adım tamamlandı`);
    } catch (e) {
      const err = e as ApiError;
      setErrors(Object.keys(err.fields).length ? err.fields : { document: err.message });
    }
  }
  const set = (key: 'document' | 'note') => (e: Event) => setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value });
  return (
    <form class="pr-complete" onSubmit={(e) => void submit(e)} aria-label={`${step.key}. adımı tamamla`}>
      {outcomes.length ? (
        <Field id="pr-outcome" label="Karar" error={errors.outcome}>
          <Select
            options={outcomes.map((o) => [o.code, o.label] as const)}
            empty="Seçin"
            value={form.outcome}
            onChange={(v) => setForm({ ...form, outcome: v })}
          />
        </Field>
      ) : null}
      <Field id="pr-document" label="Belge sayısı" hint="Adımı tamamlayan yazının sayısı ve tarihi" error={errors.document}>
        <input type="text" value={form.document} onInput={set('document')} />
      </Field>
      <Field id="pr-note" label="Not" error={errors.note}>
        <input type="text" value={form.note} onInput={set('note')} />
      </Field>
      <button type="submit">Adımı tamamla</button>
    </form>
  );
}
