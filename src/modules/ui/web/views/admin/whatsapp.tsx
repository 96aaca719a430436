import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api';
import { toast } from '../../components';
import { formatTime } from '../../format';

const STATES: Record<string, string> = {
  inactive: 'Bu kurulumda eşleştirilecek istemci yok',
  starting: 'İstemci başlatılıyor',
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
  qrImage?: string | null;
  qrIssuedAt?: string | null;
  since?: string | null;
}

/**
 * The whatsapp-web.js client's connection state and, while it waits to be paired, its pairing
 * code as a QR image (drawn by the server), refreshed every few seconds: the code changes.
 */
export function WhatsappPairing() {
  const [s, setS] = useState<Status | null>(null);
  useEffect(() => {
    const load = () =>
      api<Status>('/channels/whatsapp/status')
        .then(setS)
        .catch((e: Error) => toast(e.message, 'error'));
    void load();
    const timer = setInterval(load, 5_000);
    return () => clearInterval(timer);
  }, []);
  if (!s) return <p aria-busy="true">Yükleniyor…</p>;
  return (
    <section class="card" aria-live="polite" aria-label="WhatsApp bağlantısı">
      <dl class="facts">
        <dt>Sağlayıcı</dt>
        <dd>{s.provider}</dd>
        <dt>Durum</dt>
        <dd id="wa-state" data-state={s.state}>
          {STATES[s.state] ?? s.state}
        </dd>
        {s.since ? (
          <>
            <dt>Durum zamanı</dt>
            <dd>{formatTime(s.since)}</dd>
          </>
        ) : null}
        {s.number ? (
          <>
            <dt>Numara</dt>
            <dd>{s.number}</dd>
          </>
        ) : null}
      </dl>
      {s.lastError ? <p class="error">{s.lastError}</p> : null}
      {s.state === 'qr' && s.qrImage ? (
        <figure>
          <img id="wa-qr" class="qr-image" src={s.qrImage} alt="WhatsApp eşleştirme karekodu" width={264} height={264} />
          <figcaption>
            {`Telefonda WhatsApp > Ayarlar > Bağlı cihazlar > Cihaz bağla ile okutun. Kod ${formatTime(s.qrIssuedAt)} tarihinde üretildi ve kısa sürede yenilenir.`}
          </figcaption>
        </figure>
      ) : null}
    </section>
  );
}
