import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { OPEN_STATUSES, OUTCOME_LABELS, TicketStatus, TRANSITIONS } from '@app/domain';
import { cached } from '../../api';
import { Field, Select } from '../../components';
import { CALL_CENTRE_ROLES, DEPARTMENT_STAFF_ROLES, type SessionUser } from '../../session';
import { CategoryPicker } from '../category-picker';
import { CannedAnswerPicker, CategoryPicker as DeskCategoryPicker } from '../../desk';
import type { Category, Department, Mahalle, Ref, TicketDetail } from '../types';
import { AttachmentPicker, type UploadedFile } from './attachment-picker';

/** Posts an action and reloads the ticket; resolves to whether it succeeded. */
export type Act = (path: string, body: object, done: string) => Promise<boolean>;

/** The outcomes offered from a status: the lifecycle's next steps that a staff member picks. */
const OUTCOMES = Object.keys(OUTCOME_LABELS) as TicketStatus[];
export function outcomesFrom(status: TicketStatus): TicketStatus[] {
  return OUTCOMES.filter((o) => TRANSITIONS[status].includes(o));
}

const TEXT_LABEL: Partial<Record<TicketStatus, string>> = {
  [TicketStatus.Answered]: 'Vatandaşa verilecek yanıt',
  [TicketStatus.WaitingForCitizen]: 'Vatandaşa sorulacak soru',
  [TicketStatus.Rejected]: 'Ret gerekçesi',
  [TicketStatus.Reopened]: 'Yeniden açma gerekçesi',
  [TicketStatus.Referred]: 'Not (isteğe bağlı)',
  [TicketStatus.Closed]: 'Not (isteğe bağlı)',
};

interface FormProps {
  id: string;
  title: string;
  submitLabel: string;
  onSubmit: () => Promise<unknown>;
  open?: boolean;
  children: ComponentChildren;
}

/** One action as a collapsible form (`#act-<id>`); the shortcuts open it. */
function ActionForm({ id, title, submitLabel, onSubmit, open, children }: FormProps) {
  const [busy, setBusy] = useState(false);
  return (
    <details id={`act-${id}`} open={open}>
      <summary>{title}</summary>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          try {
            await onSubmit();
          } finally {
            setBusy(false);
          }
        }}
      >
        {children}
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
      </form>
    </details>
  );
}

interface TextAreaProps {
  value: string;
  onInput: (v: string) => void;
  rows?: number;
  required?: boolean;
  /** id, aria-describedby and aria-invalid come from Field. */
  id?: string;
  [attribute: `aria-${string}`]: unknown;
}

function TextArea({ value, onInput, rows = 3, required = true, ...rest }: TextAreaProps) {
  return (
    <textarea
      {...(rest as Record<string, string>)}
      name={rest.id}
      rows={rows}
      required={required}
      minLength={required ? 3 : undefined}
      value={value}
      onInput={(e) => onInput(e.currentTarget.value)}
    />
  );
}

interface Refs {
  departments: Department[];
  categories: Category[];
  mahalleler: Mahalle[];
  institutions: Ref[];
}

/** The action forms for one ticket, as the user's role and the ticket's status allow. */
export function TicketActions({ ticket: t, user, act }: { ticket: TicketDetail; user: SessionUser; act: Act }) {
  const [refs, setRefs] = useState<Refs | null>(null);
  const [reply, setReply] = useState('');
  const [note, setNote] = useState('');
  const [replyFiles, setReplyFiles] = useState<UploadedFile[]>([]);
  const [noteFiles, setNoteFiles] = useState<UploadedFile[]>([]);
  const entry = async (type: 'reply' | 'note', body: string, files: UploadedFile[], done: string) => {
    const ok = await act(`/tickets/${t.id}/entries`, { type, body: body.trim(), attachmentIds: files.length ? files.map((f) => f.id) : undefined }, done);
    if (ok) (type === 'reply' ? setReplyFiles : setNoteFiles)([]);
  };
  const [categoryId, setCategoryId] = useState('');
  const [mahalleId, setMahalleId] = useState(t.mahalle?.id ?? '');
  const [target, setTarget] = useState('');
  const [transferReason, setTransferReason] = useState('');
  const [transferCategory, setTransferCategory] = useState('');
  const outcomes = outcomesFrom(t.status);
  const [outcome, setOutcome] = useState<TicketStatus | ''>(outcomes[0] ?? '');
  const [institution, setInstitution] = useState('');
  const [text, setText] = useState('');
  const [returnReason, setReturnReason] = useState('');

  useEffect(() => {
    Promise.all([cached<Department[]>('/departments'), cached<Category[]>('/categories'), cached<Mahalle[]>('/mahalleler'), cached<Ref[]>('/institutions')])
      .then(([departments, categories, mahalleler, institutions]) => setRefs({ departments, categories, mahalleler, institutions }))
      .catch(() => setRefs({ departments: [], categories: [], mahalleler: [], institutions: [] }));
  }, []);

  const open = OPEN_STATUSES.includes(t.status);
  const dept = DEPARTMENT_STAFF_ROLES.includes(user.role);
  const callCentre = CALL_CENTRE_ROLES.includes(user.role);
  const v = t.version;

  if (t.status === TicketStatus.Merged) {
    return (
      <section class="card actions" aria-label="İşlemler">
        <h2>İşlemler</h2>
        <p>Bu başvuru başka bir başvuruyla birleştirildi; işlem yapılamaz.</p>
      </section>
    );
  }
  if (!refs) return <section class="card actions" aria-label="İşlemler" aria-busy="true" />;

  const chosen = outcomes.includes(outcome as TicketStatus) ? (outcome as TicketStatus) : outcomes[0];
  const saveOutcome = () => {
    const o = chosen;
    const body: Record<string, unknown> = { version: v, status: o };
    const n = text.trim();
    if ([TicketStatus.Answered, TicketStatus.WaitingForCitizen].includes(o) || (n && o !== TicketStatus.Rejected && o !== TicketStatus.Reopened))
      body.note = n || undefined;
    if ([TicketStatus.Rejected, TicketStatus.Reopened].includes(o)) body.reason = n;
    if (o === TicketStatus.Referred) body.institutionId = institution;
    return act(`/tickets/${t.id}/status`, body, `Durum: ${OUTCOME_LABELS[o]}`);
  };

  return (
    <section class="card actions" aria-label="İşlemler">
      <h2>İşlemler</h2>
      {dept && t.assignee?.id !== user.id && open ? (
        <button type="button" id="claim" onClick={() => void act(`/tickets/${t.id}/claim`, { version: v }, 'Başvuru üzerinize alındı')}>
          Üstlen
        </button>
      ) : null}
      {callCentre && !t.assignee && open ? (
        <button type="button" id="assign-me" onClick={() => void act(`/tickets/${t.id}/assign`, { version: v, assigneeId: user.id }, 'Başvuru size atandı')}>
          Bana ata
        </button>
      ) : null}
      <ActionForm id="reply" title="Vatandaşa yanıt (r)" submitLabel="Yanıtı gönder" onSubmit={() => entry('reply', reply, replyFiles, 'Yanıt gönderildi')}>
        <CannedAnswerPicker ticketId={t.id} departmentId={t.department?.id} onInsert={(x) => setReply((r) => (r.trim() ? `${r}\n\n${x}` : x))} />
        <Field id="reply-body" label="Yanıt metni (vatandaşın kanalından gider)">
          <TextArea rows={4} value={reply} onInput={setReply} />
        </Field>
        <AttachmentPicker id="reply-files" ticketId={t.id} files={replyFiles} onChange={setReplyFiles} />
      </ActionForm>
      <ActionForm id="note" title="İç not" submitLabel="Notu ekle" onSubmit={() => entry('note', note, noteFiles, 'Not eklendi')}>
        <Field id="note-body" label="Not (vatandaş görmez)">
          <TextArea value={note} onInput={setNote} />
        </Field>
        <AttachmentPicker id="note-files" ticketId={t.id} files={noteFiles} onChange={setNoteFiles} />
      </ActionForm>
      {callCentre && t.status === TicketStatus.New && !t.routedAt ? (
        <ActionForm
          id="categorise"
          title="Sınıflandır ve yönlendir"
          submitLabel="Sınıflandır"
          open={!!t.triage}
          onSubmit={() => act(`/tickets/${t.id}/categorise`, { version: v, categoryId, mahalleId: mahalleId || undefined }, 'Sınıflandırıldı ve yönlendirildi')}
        >
          <CategoryPicker
            categories={refs.categories}
            searchId="cat-search"
            selectId="cat-id"
            value={categoryId}
            onChange={setCategoryId}
            required
            text={`${t.subject} ${t.description}`}
          />
          <Field id="cat-mahalle" label="Mahalle">
            <Select empty="Değiştirme" value={mahalleId} onChange={setMahalleId} options={refs.mahalleler.map((m) => [m.id, m.name])} />
          </Field>
        </ActionForm>
      ) : null}
      {open ? (
        <ActionForm
          id="transfer"
          title="Başka birime aktar (t)"
          submitLabel="Aktar"
          onSubmit={() =>
            act(
              `/tickets/${t.id}/transfer`,
              { version: v, departmentId: target, reason: transferReason.trim(), categoryId: transferCategory || undefined },
              'Başvuru aktarıldı',
            )
          }
        >
          <Field id="transfer-dept" label="Hedef birim">
            <Select
              required
              empty="Birim seçin"
              value={target}
              onChange={(d) => {
                setTarget(d);
                setTransferCategory('');
              }}
              options={refs.departments.filter((d) => d.level === 'mudurluk' && d.active !== false && d.id !== t.department?.id).map((d) => [d.id, d.name])}
            />
          </Field>
          {target ? (
            <DeskCategoryPicker
              prefix="transfer"
              label="Konuyu da değiştir (isteğe bağlı)"
              categories={refs.categories.filter((c) => c.defaultDepartmentId === target)}
              value={transferCategory || null}
              onChange={(id) => setTransferCategory(id ?? '')}
              suggest={false}
            />
          ) : null}
          <Field id="transfer-reason" label="Aktarma gerekçesi">
            <TextArea value={transferReason} onInput={setTransferReason} />
          </Field>
        </ActionForm>
      ) : null}
      {outcomes.length ? (
        <ActionForm id="resolve" title="Sonuçlandır / kapat (c)" submitLabel="Kaydet" onSubmit={saveOutcome}>
          <Field id="resolve-outcome" label="Sonuç">
            <Select value={chosen} onChange={(o) => setOutcome(o as TicketStatus)} options={outcomes.map((o) => [o, OUTCOME_LABELS[o] ?? o])} />
          </Field>
          <Field id="resolve-institution" label="Kurum" hidden={chosen !== TicketStatus.Referred}>
            <Select
              required={chosen === TicketStatus.Referred}
              empty="Kurum seçin"
              value={institution}
              onChange={setInstitution}
              options={refs.institutions.map((i) => [i.id, i.name])}
            />
          </Field>
          <Field id="resolve-text" label={TEXT_LABEL[chosen] ?? 'Not'}>
            <TextArea rows={4} required={![TicketStatus.Referred, TicketStatus.Closed].includes(chosen)} value={text} onInput={setText} />
          </Field>
        </ActionForm>
      ) : null}
      {dept && open ? (
        <ActionForm
          id="return"
          title="Çağrı merkezine iade et"
          submitLabel="İade et"
          onSubmit={() => act(`/tickets/${t.id}/return`, { version: v, reason: returnReason.trim() }, 'Başvuru çağrı merkezine iade edildi')}
        >
          <Field id="return-reason" label="İade gerekçesi (yanlış yönlendirme)">
            <TextArea value={returnReason} onInput={setReturnReason} />
          </Field>
        </ActionForm>
      ) : null}
    </section>
  );
}
