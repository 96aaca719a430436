import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from './deps';
import { callTicket, usePhoneState } from './phone-store';
import type { ContactReveal } from './types';

const PURPOSES = ['Başvuru hakkında geri arama', 'Eksik bilgi istemek için arama', 'Yerinde inceleme randevusu'];

/**
 * "Kişiyi göster": asks why (the KVKK access log keeps the purpose verbatim), then shows the
 * number for as long as the API allows and hides it again. Nothing of it is in the page before.
 */
export function ShowContact({ ticketId }: { ticketId: string }) {
  const [asking, setAsking] = useState(false);
  const [purpose, setPurpose] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<(ContactReveal & { left: number }) | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const phone = usePhoneState();

  useEffect(() => {
    if (asking) input.current?.focus();
  }, [asking]);
  useEffect(() => {
    if (!shown) return undefined;
    const timer = setInterval(() => setShown((s) => (s && s.left > 1 ? { ...s, left: s.left - 1 } : null)), 1000);
    return () => clearInterval(timer);
  }, [shown !== null]);
  useEffect(() => setShown(null), [ticketId]);

  async function reveal(event: Event) {
    event.preventDefault();
    setError(null);
    try {
      const contact = await api<ContactReveal>(`/tickets/${ticketId}/contact`, { query: { purpose: purpose.trim() } });
      setShown({ ...contact, left: contact.shownForSeconds ?? 60 });
      setAsking(false);
      setPurpose('');
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Kişi bilgisi alınamadı');
    }
  }

  return (
    <div class="contact" aria-labelledby="contact-heading">
      <h3 id="contact-heading">İletişim</h3>
      {shown ? (
        <div class="revealed" role="status">
          <dl class="facts">
            {shown.name ? (
              <>
                <dt>Ad soyad</dt>
                <dd>{shown.name}</dd>
              </>
            ) : null}
            <dt>Telefon</dt>
            <dd id="contact-phone">{shown.phone ?? '—'}</dd>
            <dt>E-posta</dt>
            <dd id="contact-email">{shown.email ?? '—'}</dd>
          </dl>
          <p class="hint">{shown.left} saniye sonra gizlenecek.</p>
          <button type="button" class="link" onClick={() => setShown(null)}>
            Şimdi gizle
          </button>
        </div>
      ) : asking ? (
        <form onSubmit={reveal} class="purpose">
          <div class="field">
            <label for="contact-purpose">Görüntüleme amacı</label>
            <input
              id="contact-purpose"
              ref={input}
              list="contact-purposes"
              required
              minLength={5}
              maxLength={200}
              value={purpose}
              onInput={(e) => setPurpose((e.target as HTMLInputElement).value)}
              aria-describedby="contact-purpose-hint contact-purpose-error"
              aria-invalid={error ? 'true' : 'false'}
            />
            <datalist id="contact-purposes">
              {PURPOSES.map((p) => (
                <option key={p} value={p} />
              ))}
            </datalist>
            <p class="hint" id="contact-purpose-hint">
              KVKK gereği her görüntüleme amacıyla birlikte kaydedilir.
            </p>
            <p class="error" id="contact-purpose-error" role="alert" hidden={!error}>
              {error}
            </p>
          </div>
          <div class="row">
            <button type="submit">Göster</button>
            <button type="button" class="secondary" onClick={() => setAsking(false)}>
              Vazgeç
            </button>
          </div>
        </form>
      ) : (
        <div class="row">
          <button type="button" class="secondary" onClick={() => setAsking(true)} aria-haspopup="true">
            Kişiyi göster
          </button>
          {phone.ready ? (
            <button type="button" class="secondary" disabled={phone.call !== null} onClick={() => callTicket(ticketId)}>
              Vatandaşı ara
            </button>
          ) : null}
        </div>
      )}
    </div>
  );
}
