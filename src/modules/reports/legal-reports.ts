import { OPEN_STATUSES } from '@app/domain';
import { EXEMPTION_ARTICLES } from '../tickets';
import { Build, scoped } from './report-sql';

const OPEN = `(${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;
const titles = Object.entries(EXEMPTION_ARTICLES)
  .map(([article, title]) => `(${Number(article)}, '${title.replace(/'/g, "''")}')`)
  .join(', ');

/**
 * The annual report Law 4982 art. 30 asks of each institution by the end of February: for the
 * applications of the period, how many were received, granted, partly granted, refused (and on
 * which exemption), withdrawn, referred, still open, objected to the Kurul (and how that went)
 * and answered after their deadline — one line each, ready for the Kurul's form and for export.
 */
export const law4982: Build = (filter) => {
  const q = scoped(filter);
  const count = (code: string, label: string, where: string, order: number) =>
    `SELECT ${order} AS ord, '${code}' AS code, '${label}' AS label, count(*) FILTER (WHERE ${where}) AS n FROM apps`;
  return {
    params: q.params,
    sql: `WITH apps AS (
            SELECT f.ticket_id, f.status::text AS status, f.resolution, f.resolution_due_at, r.decision::text AS decision,
                   r.exemption_articles, r.decided_at
              FROM report_ticket_facts f LEFT JOIN information_requests r ON r.ticket_id = f.ticket_id
             WHERE ${q.where} AND f.legal_basis = 'law_4982'
          ), objections AS (
            SELECT o.ticket_id, o.outcome::text AS outcome FROM information_objections o JOIN apps a ON a.ticket_id = o.ticket_id
          ), lines AS (
            ${count('received', 'Başvuru sayısı', 'true', 1)}
            UNION ALL ${count('granted', 'Olumlu cevaplanarak bilgi veya belgeye erişim sağlanan', `decision = 'granted'`, 2)}
            UNION ALL ${count('partly_granted', 'Kısmen olumlu cevaplanan', `decision = 'partly_granted'`, 3)}
            UNION ALL ${count('refused', 'Reddedilen', `decision = 'refused'`, 4)}
            UNION ALL SELECT 5, 'refused_art_' || a.article, 'Reddedilen — 4982 m. ' || a.article || ' (' || x.title || ')', count(*)
                        FROM apps CROSS JOIN LATERAL unnest(apps.exemption_articles) AS a(article)
                        JOIN (VALUES ${titles}) AS x(article, title) ON x.article = a.article
                       WHERE apps.decision = 'refused' GROUP BY a.article, x.title
            UNION ALL ${count('withdrawn', 'Ücret ödenmediği için geri çekilmiş sayılan', `decision = 'withdrawn'`, 6)}
            UNION ALL ${count('referred', 'Yetkili kuruma yönlendirilen', `resolution = 'referred'`, 7)}
            UNION ALL ${count('pending', 'Sonuçlanmamış (açık)', `status IN ${OPEN}`, 8)}
            UNION ALL SELECT 9, 'objected', 'Bilgi Edinme Değerlendirme Kuruluna itiraz edilen', count(DISTINCT ticket_id) FROM objections
            UNION ALL SELECT 10, 'objection_upheld', 'İtirazı reddedilen (karar yerinde)', count(*) FILTER (WHERE outcome = 'upheld') FROM objections
            UNION ALL SELECT 11, 'objection_overturned', 'İtirazı kabul edilen (tamamen veya kısmen)', count(*) FILTER (WHERE outcome IN ('overturned', 'partly_overturned')) FROM objections
            UNION ALL SELECT 12, 'objection_pending', 'Kurul kararı beklenen', count(*) FILTER (WHERE outcome IS NULL) FROM objections
            UNION ALL ${count('answered_late', 'Süresi geçtikten sonra cevaplanan', `decision IN ('granted', 'partly_granted', 'refused') AND decided_at > resolution_due_at`, 13)}
          )
          SELECT code AS "code", label AS "label", n::int AS "count" FROM lines ORDER BY ord, code`,
  };
};

/**
 * CİMER's applications per department: received, concluded towards CİMER (a final or a "not
 * ours" answer) within CİMER's deadline or after it, still open (with only an interim answer,
 * or none) and overdue against CİMER's deadline.
 */
export const cimer: Build = (filter, options) => {
  const q = scoped(filter);
  const now = q.param(options.now);
  return {
    params: q.params,
    sql: `SELECT f.department_id AS "departmentId", d.name AS "department", count(*)::int AS "received",
                 count(*) FILTER (WHERE c.concluded_at IS NOT NULL)::int AS "answered",
                 count(*) FILTER (WHERE c.concluded_at <= ca.cimer_due_at)::int AS "answeredInTime",
                 count(*) FILTER (WHERE c.concluded_at > ca.cimer_due_at)::int AS "answeredLate",
                 count(*) FILTER (WHERE c.not_competent)::int AS "notCompetent",
                 count(*) FILTER (WHERE c.concluded_at IS NULL)::int AS "open",
                 count(*) FILTER (WHERE c.concluded_at IS NULL AND c.interim)::int AS "openWithInterimAnswer",
                 count(*) FILTER (WHERE c.concluded_at IS NULL AND ca.cimer_due_at < ${now})::int AS "overdue"
            FROM report_ticket_facts f JOIN cimer_applications ca ON ca.ticket_id = f.ticket_id
            LEFT JOIN LATERAL (
              SELECT min(a.answered_at) FILTER (WHERE a.status IN ('final', 'not_competent')) AS concluded_at,
                     coalesce(bool_or(a.status = 'not_competent'), false) AS not_competent, coalesce(bool_or(a.status = 'interim'), false) AS interim
                FROM cimer_answers a WHERE a.ticket_id = f.ticket_id
            ) c ON true
            LEFT JOIN departments d ON d.id = f.department_id
           WHERE ${q.where} GROUP BY 1, 2 ORDER BY 3 DESC, 2`,
  };
};
