import { useEffect, useState } from 'preact/hooks';
import { PROCESS_STATUS_LABELS, Role } from '@app/domain';
import { api, ApiError } from '../../api';
import { Field, optionsOf, Select, toast } from '../../components';
import { countdown, formatTime } from '../../format';
import { navigate, type RouteProps } from '../../router';
import { OnTimeReport } from './on-time-report';
import type { InstanceRow, Template } from './types';
import './processes.css';

const RUNNERS: string[] = [Role.Supervisor, Role.Executive, Role.DepartmentManager, Role.DepartmentStaff];
const REPORTERS: string[] = [Role.Supervisor, Role.Executive, Role.DepartmentManager];

/** The templates, the running instances (late ones marked) and a new instance started from a template. */
export function ProcessList({ user }: RouteProps) {
  const [templates, setTemplates] = useState<Template[]>([]);
  const [instances, setInstances] = useState<InstanceRow[]>([]);
  const [filter, setFilter] = useState({ templateId: '', status: 'running', late: false });
  const [start, setStart] = useState({ templateId: '', title: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const runs = RUNNERS.includes(user.role);

  useEffect(() => {
    api<Template[]>('/process-templates')
      .then((list) => {
        setTemplates(list);
        setStart((s) => ({ ...s, templateId: s.templateId || list.find((t) => t.active)?.id || '' }));
      })
      .catch((e: Error) => toast(e.message, 'error'));
  }, []);
  useEffect(() => {
    if (!runs) return;
    api<{ items: InstanceRow[] }>('/processes', {
      query: { templateId: filter.templateId || undefined, status: filter.status || undefined, late: filter.late || undefined },
    })
      .then((r) => setInstances(r.items))
      .catch((e: Error) => toast(e.message, 'error'));
  }, [filter, runs]);

  async function begin(event: Event): Promise<void> {
    event.preventDefault();
    setErrors({});
    try {
      const created = await api<{ id: string }>('/processes', { method: 'POST', body: start });
      toast('Süreç başlatıldı');
      navigate(`#/surec/${created.id}`);
    } catch (e) {
      const err = e as ApiError;
      setErrors(Object.keys(err.fields).length ? err.fields : { title: err.message });
    }
  }

  const templateName = (id: string) => templates.find((t) => t.id === id)?.name ?? '—';
  return (
    <div class="processes">
      <h2>Süreçler</h2>
      <section aria-labelledby="pr-templates-title">
        <h3 id="pr-templates-title">Süreç şablonları</h3>
        <table>
          <thead>
            <tr>
              <th scope="col">Kod</th>
              <th scope="col">Ad</th>
              <th scope="col">Adım</th>
              <th scope="col">Hedef</th>
              <th scope="col">Durum</th>
            </tr>
          </thead>
          <tbody>
            {templates.map((t) => (
              <tr key={t.id}>
                <td>{user.role === Role.Admin ? <a href={`#/surec-sablonu/${t.id}`}>{t.code}</a> : t.code}</td>
                <td>{t.name}</td>
                <td>{t.steps.length}</td>
                <td>%{Math.round(t.targetOnTimeRatio * 100)} zamanında</td>
                <td>{t.active ? 'Etkin' : 'Kapalı'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {user.role === Role.Admin ? <a href="#/surec-sablonu">Yeni şablon</a> : null}
      </section>
      {runs ? (
        <>
          <section aria-labelledby="pr-start-heading">
            <h3 id="pr-start-heading">Yeni süreç başlat</h3>
            <form class="pr-inline" onSubmit={(e) => void begin(e)}>
              <Field id="pr-start-template" label="Şablon" error={errors.templateId}>
                <Select
                  options={templates.filter((t) => t.active).map((t) => [t.id, t.name] as const)}
                  value={start.templateId}
                  onChange={(v) => setStart({ ...start, templateId: v })}
                />
              </Field>
              <Field id="pr-start-title" label="Başlık" error={errors.title}>
                <input type="text" value={start.title} onInput={(e) => setStart({ ...start, title: (e.currentTarget as HTMLInputElement).value })} />
              </Field>
              <button type="submit">Başlat</button>
            </form>
          </section>
          <section aria-labelledby="pr-instances-title">
            <h3 id="pr-instances-title">Süreç kayıtları</h3>
            <div class="pr-inline">
              <Field id="pr-filter-template" label="Şablon">
                <Select
                  options={templates.map((t) => [t.id, t.name] as const)}
                  empty="Tümü"
                  value={filter.templateId}
                  onChange={(v) => setFilter({ ...filter, templateId: v })}
                />
              </Field>
              <Field id="pr-filter-status" label="Durum">
                <Select options={optionsOf(PROCESS_STATUS_LABELS)} empty="Tümü" value={filter.status} onChange={(v) => setFilter({ ...filter, status: v })} />
              </Field>
              <label>
                <input type="checkbox" checked={filter.late} onChange={(e) => setFilter({ ...filter, late: (e.currentTarget as HTMLInputElement).checked })} />{' '}
                Yalnız gecikenler
              </label>
            </div>
            <table>
              <thead>
                <tr>
                  <th scope="col">Başlık</th>
                  <th scope="col">Şablon</th>
                  <th scope="col">Durum</th>
                  <th scope="col">Açık adım</th>
                  <th scope="col">Adımın süresi</th>
                  <th scope="col">Başlangıç</th>
                </tr>
              </thead>
              <tbody>
                {instances.map((i) => {
                  const left = i.currentStep ? countdown(i.currentStep.dueAt) : null;
                  return (
                    <tr key={i.id} data-id={i.id}>
                      <td>
                        <a href={`#/surec/${i.id}`}>{i.title}</a>
                      </td>
                      <td>{templateName(i.templateId)}</td>
                      <td>{PROCESS_STATUS_LABELS[i.status] ?? i.status}</td>
                      <td>{i.currentStep ? `${i.currentStep.key}. ${i.currentStep.name}` : '—'}</td>
                      <td class={left?.late ? 'late' : ''}>{left ? left.text : '—'}</td>
                      <td>{formatTime(i.startedAt)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {instances.length ? null : <p class="muted">Kayıt yok</p>}
          </section>
        </>
      ) : null}
      {REPORTERS.includes(user.role) ? <OnTimeReport templates={templates} /> : null}
    </div>
  );
}
