import { api } from './api.js';
import { formatTime, h, toast } from './dom.js';

const STATES = {
  inactive: 'Bu kurulumda eşleştirilecek istemci yok',
  disconnected: 'Bağlı değil',
  qr: 'Eşleştirme bekleniyor',
  ready: 'Bağlı',
  authenticated: 'Kimlik doğrulandı',
};

/**
 * The whatsapp-web.js pairing code. No QR library is installed, so the code is shown as text
 * (to paste into any QR generator on the admin's phone or PC), refreshed while it waits.
 */
export async function renderWhatsapp(container) {
  const box = h('section', { class: 'card', 'aria-live': 'polite' });
  container.append(box);
  const load = async () => {
    try {
      const s = await api('/channels/whatsapp/status');
      box.replaceChildren(
        h('p', {}, `Sağlayıcı: ${s.provider} · Durum: ${STATES[s.state] ?? s.state}`),
        s.number ? h('p', {}, `Numara: ${s.number}`) : null,
        s.lastError ? h('p', { class: 'error' }, s.lastError) : null,
        s.qr
          ? h(
              'div',
              {},
              h(
                'p',
                {},
                `Eşleştirme kodu (${formatTime(s.qrIssuedAt)}). Bu sürümde karekod resmi çizilmiyor: kodu bir karekod üreticisine yapıştırıp WhatsApp > Bağlı cihazlar ile okutun.`,
              ),
              h('pre', { class: 'qr', id: 'wa-qr', tabindex: 0 }, s.qr),
            )
          : null,
      );
    } catch (e) {
      toast(e.message, 'error');
    }
  };
  await load();
  const timer = setInterval(load, 10_000);
  return () => clearInterval(timer);
}
