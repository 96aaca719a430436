import { api } from '../../api';
import { toast } from '../../components';

/**
 * Bull Board (the job queues' dashboard) opens in this tab: the server puts the admin's token in
 * an HttpOnly cookie valid for the board's path only (15 minutes), then the board is loaded.
 */
export function QueueBoardLink() {
  const open = async () => {
    try {
      const { url } = await api<{ url: string }>('/admin/queue-board/session', { method: 'POST', body: {} });
      window.location.assign(url);
    } catch (e) {
      toast((e as Error).message, 'error');
    }
  };
  return (
    <section class="card">
      <p>
        İş kuyruklarının (bildirim gönderimi, dosya alma, dışa aktarma…) bekleyen, çalışan, tamamlanan ve başarısız işleri Bull Board panosunda görülür. Pano
        yalnızca yöneticilere açıktır; oturumunuz kapandığında ya da parolanız değiştiğinde erişim de sona erer.
      </p>
      <button type="button" onClick={() => void open()}>
        Kuyruk panosunu aç
      </button>
    </section>
  );
}
