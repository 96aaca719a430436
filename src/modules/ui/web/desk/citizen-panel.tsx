import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, CHANNEL_LABELS, formatDate } from './deps';
import type { CitizenPanelData } from './types';

const IDENTITY: Record<string, string> = { phone: 'Telefon', whatsapp: 'WhatsApp', email: 'E-posta', tckn: 'T.C. Kimlik No', tc: 'T.C. Kimlik No' };
/** The citizen's KVKK choices as staff read them. */
function consentLines(consents: Record<string, unknown>): string[] {
  const lines: string[] = [];
  if (typeof consents.contact === 'boolean') lines.push(`Başvurusu hakkında iletişim: ${consents.contact ? 'izin var' : 'izin yok'}`);
  if (typeof consents.marketing === 'boolean') lines.push(`Duyuru ve bilgilendirme: ${consents.marketing ? 'izin var' : 'izin yok'}`);
  if (consents.optedOut === true) lines.push('Bildirim almak istemiyor');
  if (typeof consents.recordedAt === 'string') lines.push(`İzin kaydı: ${formatDate(consents.recordedAt)}`);
  return lines;
}

/**
 * The citizen beside a ticket (GET /tickets/:id/citizen-panel) or on an incoming call
 * (GET /citizens/:id/panel): every application across channels, channel identities and consents,
 * masked as the API sends them. `currentId` marks the ticket on screen.
 */
export function CitizenPanel({ path, currentId, heading = 'Vatandaş' }: { path: string; currentId?: string; heading?: string }) {
  const [data, setData] = useState<CitizenPanelData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let gone = false;
    setData(null);
    api<CitizenPanelData>(path).then(
      (d) => !gone && setData(d),
      (e: Error) => !gone && setError(e.message),
    );
    return () => {
      gone = true;
    };
  }, [path]);
  const id = `cp-${path.replace(/[^a-z0-9]/gi, '').slice(-12)}`;
  return (
    <section class="card citizen-panel" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {error ? <p class="error">{error}</p> : null}
      {!data && !error ? <p aria-busy="true">Yükleniyor…</p> : null}
      {data ? (
        <>
          {data.citizen ? (
            <>
              <p class="cp-name">{data.citizen.fullName ?? 'Adı bilinmiyor'}</p>
              <dl class="facts cp-ids">
                {data.citizen.identities.map((i) => (
                  <Fragment key={`${i.kind}${i.valueMasked}`}>
                    <dt>{IDENTITY[i.kind] ?? i.kind}</dt>
                    <dd>
                      {i.valueMasked}
                      {i.verified ? ' (doğrulanmış)' : ''}
                    </dd>
                  </Fragment>
                ))}
              </dl>
              <p class="cp-consents">
                <span class="sr-only">İzinler: </span>
                {consentLines(data.citizen.consents ?? {}).join(' · ') || 'İzin kaydı yok'}
              </p>
            </>
          ) : (
            <p>Vatandaş bilgisi gösterilmiyor.</p>
          )}
          <h3>Başvuruları ({data.tickets.length})</h3>
          {data.tickets.length ? (
            <ul class="cp-tickets">
              {data.tickets.map((t) => (
                <li key={t.id} aria-current={t.id === currentId ? 'page' : undefined}>
                  <a href={`#/basvuru/${t.id}`}>{t.trackingNo}</a> {t.subject}
                  <span class="cp-meta">
                    {' '}
                    · {t.statusLabel} · {CHANNEL_LABELS[t.channel as keyof typeof CHANNEL_LABELS] ?? t.channel} · {formatDate(t.createdAt)}
                    {t.department?.name ? ` · ${t.department.name}` : ''}
                    {t.overdue ? ' · gecikmiş' : ''}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p>Başka başvurusu yok.</p>
          )}
        </>
      ) : null}
    </section>
  );
}
