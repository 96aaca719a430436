/**
 * Each call offered to agents in [$1, $2) (optionally one agent's, $3) with its outcome and times:
 * answered; sent on to a voicemail (the queue let it go, or a recording was left); abandoned (the
 * caller hung up while waiting); or still waiting. Handling is talk time (answered to hung up) plus
 * the agent's wrap-up for that call, from the agent-state transitions.
 */
const CALLS = `
  WITH wraps AS (
    SELECT call_sid, sum(extract(epoch FROM ends - starts)) AS wrap
      FROM (SELECT call_sid, state, at AS starts, lead(at) OVER (PARTITION BY user_id ORDER BY at, id) AS ends
              FROM agent_state_changes WHERE at >= $1 AND at < $2::timestamptz + interval '1 day') s
     WHERE state = 'wrap_up' AND call_sid IS NOT NULL AND ends IS NOT NULL
     GROUP BY call_sid),
  calls AS (
    SELECT c.agent_id,
           extract(hour FROM c.offered_at AT TIME ZONE 'Europe/Istanbul')::int AS hour,
           to_char(c.offered_at AT TIME ZONE 'Europe/Istanbul', 'YYYY-MM-DD') AS day,
           CASE WHEN c.answered_at IS NOT NULL THEN 'answered'
                WHEN c.recording_url IS NOT NULL OR c.queue_result NOT IN ('bridged', 'hangup') THEN 'voicemail'
                WHEN c.wait_ended_at IS NOT NULL THEN 'abandoned'
                ELSE 'waiting' END AS outcome,
           extract(epoch FROM c.answered_at - c.offered_at) AS answer_wait,
           extract(epoch FROM c.wait_ended_at - c.offered_at) AS wait,
           extract(epoch FROM c.ended_at - c.answered_at) + coalesce(w.wrap, 0) AS handling,
           t.resolution = 'solved_during_call' AS solved
      FROM call_logs c
      LEFT JOIN tickets t ON t.id = c.ticket_id
      LEFT JOIN wraps w ON w.call_sid = c.call_sid
     WHERE c.offered_at >= $1 AND c.offered_at < $2 AND ($3::uuid IS NULL OR c.agent_id = $3))`;

const FIGURES = `
  count(*)::int AS offered,
  count(*) FILTER (WHERE outcome = 'answered')::int AS answered,
  count(*) FILTER (WHERE outcome = 'abandoned')::int AS abandoned,
  count(*) FILTER (WHERE outcome = 'voicemail')::int AS voicemail,
  count(*) FILTER (WHERE outcome = 'answered' AND answer_wait <= $4)::int AS "answeredWithinThreshold",
  avg(answer_wait) FILTER (WHERE outcome = 'answered')::float8 AS "averageSpeedOfAnswerSeconds",
  avg(handling) FILTER (WHERE outcome = 'answered')::float8 AS "averageHandlingSeconds",
  avg(wait) FILTER (WHERE outcome = 'abandoned')::float8 AS "averageAbandonWaitSeconds",
  max(wait) FILTER (WHERE outcome = 'abandoned')::float8 AS "longestAbandonWaitSeconds",
  count(*) FILTER (WHERE outcome = 'answered' AND solved)::int AS "solvedDuringCall"`;

/** The figures for the whole period, per Istanbul hour of the day, per day and per agent, in one pass. */
export const CALL_FIGURES_SQL = `${CALLS}
  SELECT grouping(hour) = 0 AS by_hour, grouping(day) = 0 AS by_day, grouping(agent_id) = 0 AS by_agent, hour, day, agent_id, ${FIGURES}
    FROM calls GROUP BY GROUPING SETS ((), (hour), (day), (agent_id))`;

/** Voicemails no one has answered yet: the ticket they became is still open and without a first response. */
export const VOICEMAILS_WAITING_SQL = `
  SELECT count(*)::int AS n FROM call_logs c LEFT JOIN tickets t ON t.id = c.ticket_id
   WHERE c.recording_url IS NOT NULL AND (t.id IS NULL OR (t.first_responded_at IS NULL AND t.status = ANY($1::ticket_status[])))`;
