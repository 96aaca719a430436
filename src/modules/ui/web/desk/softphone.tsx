import { useEffect, useRef, useState } from 'preact/hooks';
import { api, cached } from './deps';
import { accept, hangUp, reject, setPresence, startPhone, toggleHold, toggleMute, transfer, usePhoneState } from './phone-store';
import type { Ref } from './types';

/**
 * The caller as staff see phones everywhere: masked ("+90 5** *** ** 44"); a colleague's client
 * identity as such. The clear number is read only through the logged contact action.
 */
export function maskCaller(from: string): string {
  if (!from) return 'gizli numara';
  if (from.startsWith('client:')) return 'çalışma arkadaşı';
  const digits = from.replace(/\D/g, '');
  if (digits.length < 10) return 'gizli numara';
  const national = digits.slice(-10);
  return `+90 ${national[0]}** *** ** ${national.slice(-2)}`;
}

/** Colleagues to hand a call to: the user list when the caller may read it, else departments only. */
function TransferForm({ onDone }: { onDone: () => void }) {
  const [departments, setDepartments] = useState<Ref[]>([]);
  const [users, setUsers] = useState<{ id: string; fullName: string; role: string }[]>([]);
  const [target, setTarget] = useState('');
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    cached<Ref[]>('/departments').then(setDepartments, () => setDepartments([]));
    api<{ items: { id: string; fullName: string; role: string; active?: boolean }[] }>('/users', { query: { pageSize: 100 } }).then(
      (page) => setUsers(page.items.filter((u) => ['agent', 'supervisor'].includes(u.role) && u.active !== false)),
      () => setUsers([]),
    );
    first.current?.focus();
  }, []);
  async function submit(event: Event) {
    event.preventDefault();
    const [kind, id] = target.split(':');
    if (await transfer(kind === 'user' ? { toUserId: id } : { departmentId: id })) onDone();
  }
  return (
    <form class="sp-transfer" onSubmit={submit}>
      <label for="sp-transfer-to">Aktarılacak kişi veya birim</label>
      <select id="sp-transfer-to" ref={first} required value={target} onChange={(e) => setTarget((e.target as HTMLSelectElement).value)}>
        <option value="">Seçin</option>
        {users.length ? (
          <optgroup label="Çalışma arkadaşları">
            {users.map((u) => (
              <option key={u.id} value={`user:${u.id}`}>
                {u.fullName}
              </option>
            ))}
          </optgroup>
        ) : null}
        <optgroup label="Birimler">
          {departments.map((d) => (
            <option key={d.id} value={`dept:${d.id}`}>
              {d.name}
            </option>
          ))}
        </optgroup>
      </select>
      <div class="row">
        <button type="submit">Aktar</button>
        <button type="button" class="secondary" onClick={onDone}>
          Vazgeç
        </button>
      </div>
    </form>
  );
}

/**
 * The 444 line in the browser: available / away, a ringing call to accept or decline, and on a call
 * mute, hold, transfer and hang up. The screen-pop (the caller's record and tickets) comes beside it.
 */
export function Softphone() {
  const phone = usePhoneState();
  const [transferring, setTransferring] = useState(false);
  const acceptButton = useRef<HTMLButtonElement>(null);
  useEffect(() => void startPhone(), []);
  useEffect(() => {
    if (phone.call?.state === 'ringing') acceptButton.current?.focus();
    if (!phone.call) setTransferring(false);
  }, [phone.call?.state, phone.call === null]);
  if (!phone.configured) return phone.error ? <p class="sp-error">{phone.error}</p> : null;
  const call = phone.call;
  return (
    <section class={`softphone ${call ? `sp-${call.state}` : ''}`} aria-labelledby="sp-title" id="softphone">
      <h2 id="sp-title" class="sp-title">
        Telefon
      </h2>
      <p class="sp-state" role="status" aria-live="polite" id="sp-state">
        {call
          ? call.state === 'ringing'
            ? `Gelen çağrı: ${maskCaller(call.from)}`
            : `Görüşmede: ${call.direction === 'outgoing' ? 'vatandaş aranıyor' : maskCaller(call.from)}${call.muted ? ' · sessiz' : ''}${call.held ? ' · beklemede' : ''}`
          : phone.presence === 'available'
            ? 'Çağrı almaya hazır'
            : 'Molada'}
      </p>
      {!call ? (
        <button
          type="button"
          class={phone.presence === 'available' ? 'secondary' : ''}
          aria-pressed={phone.presence === 'available'}
          onClick={() => setPresence(phone.presence === 'available' ? 'away' : 'available')}
        >
          {phone.presence === 'available' ? 'Molaya çık' : 'Çağrı almaya hazırım'}
        </button>
      ) : call.state === 'ringing' ? (
        <div class="row">
          <button type="button" ref={acceptButton} class="accept" onClick={accept}>
            Kabul et
          </button>
          <button type="button" class="danger" onClick={reject}>
            Reddet
          </button>
        </div>
      ) : (
        <div class="row sp-controls">
          <button type="button" class="secondary" aria-pressed={call.muted} onClick={toggleMute}>
            {call.muted ? 'Sesi aç' : 'Sessiz'}
          </button>
          <button type="button" class="secondary" aria-pressed={call.held} onClick={toggleHold}>
            {call.held ? 'Beklemeden al' : 'Beklet'}
          </button>
          <button type="button" class="secondary" disabled={!call.callSid} aria-expanded={transferring} onClick={() => setTransferring(!transferring)}>
            Aktar
          </button>
          <button type="button" class="danger" onClick={hangUp}>
            Görüşmeyi bitir
          </button>
        </div>
      )}
      {transferring && call ? <TransferForm onDone={() => setTransferring(false)} /> : null}
      {phone.error ? (
        <p class="error" role="alert">
          {phone.error}
        </p>
      ) : null}
    </section>
  );
}
