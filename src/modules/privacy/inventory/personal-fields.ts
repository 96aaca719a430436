import { Erase, PersonalField, RetentionKind } from './inventory-types';

// The legal conditions of KVKK (Law 6698) art. 5/2 we rely on, with the law that requires the processing.
const PETITION = 'KVKK m. 5/2-ç: hukuki yükümlülük (3071 s. Dilekçe Hakkı Kanunu m. 7; 4982 s. Kanun m. 11; 6698 s. Kanun m. 13)';
const SERVICE = 'KVKK m. 5/2-e ve ç: başvurunun sonuçlandırılması, belediye hizmetinin görülmesi (5393 s. Belediye Kanunu m. 14–15)';
const SECURITY = 'KVKK m. 12: veri güvenliği; kişisel verilere erişimin kayıt altına alınması';
const CONSENT = 'KVKK m. 5/1: açık rıza (memnuniyet anketi); iletişim izni m. 5/2-ç kapsamında kayıt';
const STAFF = 'KVKK m. 5/2-c ve ç: personelin görevini yürütmesi (657 s. Kanun, iş sözleşmesi)';
const OFFICE = 'KVKK m. 5/2-ç ve d: kamu görevlisinin görevi gereği iletişim bilgisi (5393 s. Kanun; muhtarlarla koordinasyon)';

const APP = RetentionKind.Applications;

const field = (
  table: string,
  column: string,
  category: string,
  purpose: string,
  legalBasis: string,
  retention: RetentionKind,
  erase: Erase,
): PersonalField => ({ table, column, category, purpose, legalBasis, retention, erase });

/** Every column that holds personal data: what it is, why, on what basis, for how long, and what erasure does to it. */
export const PERSONAL_FIELDS: readonly PersonalField[] = [
  field('citizens', 'full_name', 'Kimlik', 'Başvuru sahibini tanımak, yanıtı ona ulaştırmak', PETITION, APP, 'null'),
  field('citizens', 'phone', 'İletişim', 'Başvurunun sonucunu bildirmek', PETITION, APP, 'null'),
  field('citizens', 'email', 'İletişim', 'Başvurunun sonucunu bildirmek', PETITION, APP, 'null'),
  field('citizens', 'tc_kimlik_hash', 'Kimlik', 'Aynı kişinin başvurularını eşleştirmek (anahtarlı özet, geri çözülemez)', PETITION, APP, 'null'),
  field('citizens', 'tc_kimlik_last2', 'Kimlik', 'Telefonda kimliği doğrulamak (son iki hane)', PETITION, APP, 'null'),
  field('citizens', 'locale', 'Müşteri işlem', 'Bildirimlerin dili', SERVICE, APP, 'keep'),
  field('citizen_identities', 'value', 'İletişim', 'Telefon, WhatsApp ve e-postadan gelen mesajı kişiye bağlamak', PETITION, APP, 'delete-row'),
  field('tickets', 'contact_name', 'Kimlik', 'Başvurunun verdiği ad (birimin gördüğü)', PETITION, APP, 'null'),
  field('tickets', 'contact_phone', 'İletişim', 'Başvurunun verdiği telefon', PETITION, APP, 'null'),
  field('tickets', 'contact_email', 'İletişim', 'Başvurunun verdiği e-posta', PETITION, APP, 'null'),
  field('tickets', 'subject', 'Başvuru içeriği', 'Başvurunun konusu', PETITION, APP, 'redact'),
  field('tickets', 'description', 'Başvuru içeriği', 'Başvurunun metni', PETITION, APP, 'redact'),
  field('tickets', 'attributes', 'Başvuru içeriği', 'Konunun sorduğu ek alanlar (plaka, ağaç sayısı…)', PETITION, APP, 'null'),
  field('tickets', 'resolution_note', 'Başvuru içeriği', 'Verilen yanıt veya ret gerekçesi', PETITION, APP, 'redact'),
  field('tickets', 'address', 'Konum', 'Sorunun yeri (mahalle istatistiği için kalır)', SERVICE, APP, 'redact'),
  field('tickets', 'latitude', 'Konum', 'Paylaşılan konum', SERVICE, APP, 'null'),
  field('tickets', 'longitude', 'Konum', 'Paylaşılan konum', SERVICE, APP, 'null'),
  field('tickets', 'search_text', 'Başvuru içeriği', 'Aramada kullanılan, metinden türetilmiş anahtar', SERVICE, APP, 'derived'),
  field('ticket_events', 'body', 'Başvuru içeriği', 'Mesajlar, yanıtlar, notlar (başvurunun dosyası)', PETITION, APP, 'redact'),
  field('ticket_events', 'data', 'Başvuru içeriği', 'Olayın ayrıntıları (ek, konum, kanal)', PETITION, APP, 'redact'),
  field('ticket_events', 'actor_name', 'Kimlik', 'İşlemi yapan personel', STAFF, RetentionKind.Employment, 'keep'),
  field('ticket_surveys', 'comment', 'Başvuru içeriği', 'Memnuniyet anketine yazılan görüş', CONSENT, APP, 'redact'),
  field(
    'inbound_events',
    'payload',
    'Başvuru içeriği',
    'Sağlayıcıdan gelen ham mesaj (tekrarı ayırmak, hatayı incelemek)',
    SERVICE,
    RetentionKind.RawMessages,
    'redact',
  ),
  field(
    'inbound_events',
    'provider_id',
    'İletişim',
    'Sağlayıcının mesaj numarası (WhatsApp’ta telefonu içerir)',
    SERVICE,
    RetentionKind.RawMessages,
    'unique-placeholder',
  ),
  field('inbound_events', 'last_error', 'Başvuru içeriği', 'İşlenemeyen mesajın nedeni', SERVICE, RetentionKind.RawMessages, 'redact'),
  field('outbound_messages', 'recipient', 'İletişim', 'Bildirimin gittiği adres', PETITION, APP, 'placeholder'),
  field('outbound_messages', 'body', 'Başvuru içeriği', 'Gönderilen bildirim', PETITION, APP, 'redact'),
  field('outbound_messages', 'subject', 'Başvuru içeriği', 'Gönderilen bildirimin konusu', PETITION, APP, 'redact'),
  field('outbound_messages', 'meta', 'İletişim', 'Gönderim ayrıntıları (WhatsApp sohbeti, şablon)', PETITION, APP, 'redact'),
  field('outbound_messages', 'dedupe_key', 'İletişim', 'Bir bildirimi bir kez göndermek (süre uyarısında personelin adresi)', STAFF, APP, 'keep'),
  field('outbound_messages', 'last_error', 'İletişim', 'Gönderim hatası (adres içerebilir)', SERVICE, APP, 'redact'),
  field('staff_notifications', 'title', 'Başvuru içeriği', 'Personele giden uyarı (başvuru konusu)', SERVICE, APP, 'redact'),
  field('staff_notifications', 'body', 'Başvuru içeriği', 'Personele giden uyarı', SERVICE, APP, 'redact'),
  field('call_logs', 'from_number', 'İletişim', '444 hattını arayan numara', SERVICE, RetentionKind.Calls, 'placeholder'),
  field('call_logs', 'recording_url', 'Görsel ve işitsel kayıt', 'Sesli mesajın kaydı', SERVICE, RetentionKind.Calls, 'null'),
  field('media_files', 'filename', 'Görsel ve işitsel kayıt', 'Vatandaşın gönderdiği fotoğraf, belge, ses (dosyasıyla birlikte)', PETITION, APP, 'delete-row'),
  field('whatsapp_media_fetches', 'filename', 'Görsel ve işitsel kayıt', 'WhatsApp’tan alınacak dosyanın adı', PETITION, APP, 'redact'),
  field('whatsapp_media_fetches', 'last_error', 'Başvuru içeriği', 'Dosya alınamadıysa nedeni', SERVICE, APP, 'redact'),
  field('appointments', 'requester_name', 'Kimlik', 'Başkanla görüşme isteyen', SERVICE, RetentionKind.Appointments, 'placeholder'),
  field('appointments', 'phone', 'İletişim', 'Randevunun bildirilmesi', SERVICE, RetentionKind.Appointments, 'null'),
  field('appointments', 'email', 'İletişim', 'Randevunun bildirilmesi', SERVICE, RetentionKind.Appointments, 'null'),
  field('appointments', 'subject', 'Başvuru içeriği', 'Görüşmenin konusu', SERVICE, RetentionKind.Appointments, 'redact'),
  field('appointments', 'reason', 'Başvuru içeriği', 'Karşılanamayan isteğin gerekçesi', SERVICE, RetentionKind.Appointments, 'redact'),
  field('appointments', 'note', 'Başvuru içeriği', 'Özel Kalem notu', SERVICE, RetentionKind.Appointments, 'redact'),
  field('appointments', 'forward_note', 'Başvuru içeriği', 'Başkan’a iletilen talebin notu', SERVICE, RetentionKind.Appointments, 'redact'),
  field('appointments', 'mayor_note', 'Başvuru içeriği', 'Başkan’ın kararının notu', SERVICE, RetentionKind.Appointments, 'redact'),
  field('information_objections', 'note', 'Başvuru içeriği', 'Bilgi Edinme Değerlendirme Kuruluna itirazın notu', PETITION, APP, 'redact'),
  field('cimer_answers', 'text', 'Başvuru içeriği', 'CİMER’e verilen yanıt', PETITION, APP, 'redact'),
  field('cimer_answers', 'answered_by_name', 'Kimlik', 'Yanıtı CİMER’e ileten personel', STAFF, RetentionKind.Employment, 'keep'),
  field('users', 'username', 'Kimlik', 'Personelin oturum açması', STAFF, RetentionKind.Employment, 'keep'),
  field('users', 'full_name', 'Kimlik', 'Personelin adı', STAFF, RetentionKind.Employment, 'keep'),
  field('users', 'email', 'İletişim', 'Süre uyarılarının gönderilmesi', STAFF, RetentionKind.Employment, 'keep'),
  field('users', 'phone', 'İletişim', 'Süre uyarılarının gönderilmesi', STAFF, RetentionKind.Employment, 'keep'),
  field('users', 'password_hash', 'İşlem güvenliği', 'Parolanın doğrulanması (scrypt özeti)', STAFF, RetentionKind.Employment, 'keep'),
  field('departments', 'escalation_contacts', 'İletişim', 'Süre aşımında haber verilecek yöneticiler', OFFICE, RetentionKind.Office, 'keep'),
  field('mahalleler', 'muhtar_name', 'Kimlik', 'Mahalle muhtarı', OFFICE, RetentionKind.Office, 'keep'),
  field('mahalleler', 'muhtar_phone', 'İletişim', 'Mahalle muhtarına ulaşmak', OFFICE, RetentionKind.Office, 'keep'),
  field(
    'pii_access_log',
    'purpose',
    'İşlem güvenliği',
    'Kişisel veriyi açık okuyanın gerekçesi (kim, kimin, neden)',
    SECURITY,
    RetentionKind.AccessLog,
    'keep',
  ),
];
