import { useEffect, useState } from 'preact/hooks';
import { Role } from '@app/domain';
import { api, type Page } from '../../api';
import { toast } from '../../components';
import type { RouteProps } from '../../router';
import type { Category, DeadlinePolicy, Department, Ref } from '../types';
import { NoticeTemplates } from './notice-templates';
import { QueueBoardLink } from './queue-board';
import { SectionTable } from './section-table';
import { sections, type AdminRefs } from './sections';
import { WhatsappPairing } from './whatsapp';

async function loadRefs(): Promise<AdminRefs> {
  const [departments, policies, managers, categories, mahalleler] = await Promise.all([
    api<Department[]>('/departments'),
    api<DeadlinePolicy[]>('/deadline-policies'),
    api<Page<{ id: string; username: string; fullName: string }>>('/users', { query: { role: Role.DepartmentManager, pageSize: 100 } }),
    api<Category[]>('/categories'),
    api<Ref[]>('/mahalleler'),
  ]);
  return { departments, policies, managers: managers.items, categories, mahalleler };
}

/** The admin's reference data: one section per page (`#/yonetim/<section>`), a table with each row's edits and a "new record" form. */
export function AdminView({ params }: RouteProps) {
  const [refs, setRefs] = useState<AdminRefs | null>(null);
  const reload = () =>
    loadRefs()
      .then(setRefs)
      .catch((e: Error) => toast(e.message, 'error'));
  useEffect(() => {
    void reload();
  }, []);
  if (!refs) return <p aria-busy="true">Yükleniyor…</p>;
  const all = sections(refs);
  const key = params.section && all[params.section] ? params.section : 'birimler';
  const spec = all[key];
  return (
    <>
      <nav class="subnav" aria-label="Yönetim bölümleri">
        <ul>
          {Object.entries(all).map(([k, s]) => (
            <li key={k}>
              <a href={`#/yonetim/${k}`} aria-current={k === key ? 'page' : undefined}>
                {s.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h1>{spec.title}</h1>
      <div>
        {spec.custom === 'whatsapp' ? (
          <WhatsappPairing />
        ) : spec.custom === 'notices' ? (
          <NoticeTemplates />
        ) : spec.custom === 'board' ? (
          <QueueBoardLink />
        ) : (
          <SectionTable key={key} spec={spec} onChange={() => void reload()} />
        )}
      </div>
    </>
  );
}
