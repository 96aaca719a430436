import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api';
import { toast } from '../../components';
import { formatTime } from '../../format';

const STATES: Record<string, string> = {
  inactive: 'Bu kurulumda eşleştirilecek istemci yok',
  disconnected: 'Bağlı değil',
  qr: 'Eşleştirme bekleniyor',
  ready: 'Bağlı',
  authenticated: 'Kimlik doğrulandı',
};

interface Status {
  provider: string;
  state: string;
  number?: string | null;
  lastError?: string | null;
  qr?: string | null;
  qrIssuedAt?: string | null;
}

/**
 * The whatsapp-web.js pairing code. No QR library is installed, so the code is shown as text
 * (to paste into any QR generator on the admin's phone or PC), refreshed while it waits.
 */
export function WhatsappPairing() {
  const [s, setS] = useState<Status | null>(null);
  useEffect(() => {
    const load = () =>
      api<Status>('/channels/whatsapp/status')
        .then(setS)
        .catch((e: Error) => toast(e.message, 'error'));
    void load();
    const timer = setInterval(load, 10_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <section class="card" aria-live="polite">
      {s ? (
        <>
          <p>{`Sağlayıcı: ${s.provider} · Durum: ${STATES[s.state] ?? s.state}`}</p>
          {s.number ? <p>{`Numara: ${s.number}`}</p> : null}
          {s.lastError ? <p class="error">{s.lastError}</p> : null}
          {s.qr ? (
            <div>
              <p>
                {`Eşleştirme kodu (${formatTime(s.qrIssuedAt)}). Bu sürümde karekod resmi çizilmiyor: kodu bir karekod üreticisine yapıştırıp WhatsApp > Bağlı cihazlar ile okutun.`}
              </p>
              <pre class="qr" id="wa-qr" tabIndex={0}>
                {s.qr}
              </pre>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
