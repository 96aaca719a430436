import { Decision, NO_SUBJECT } from '../routing/decide';

/** How a set of messages was routed: shares of all messages with a subject. */
export interface RoutingFigures {
  messages: number;
  /** Straight to the right department or institution, without triage. */
  autoCorrect: number;
  /** Sent to triage. */
  triage: number;
  /** Straight to the wrong place. */
  confidentlyWrong: number;
  /** Right category (not only destination) among the confidently routed. */
  categoryPrecision: number;
  /** Messages with nothing to route, and the share of them that went to triage as they should. */
  noSubject: number;
  noSubjectTriaged: number;
}

export interface Routed {
  text?: string;
  truth: string;
  decision: Decision;
}

export function routingFigures(routed: Routed[], destinationOf: (label: string) => string | undefined): RoutingFigures {
  const subject = routed.filter((r) => r.truth !== NO_SUBJECT);
  const none = routed.filter((r) => r.truth === NO_SUBJECT);
  const confident = subject.filter((r) => r.decision.confident);
  const right = confident.filter((r) => destinationOf(r.decision.label!) === destinationOf(r.truth));
  const share = (n: number, of: number) => (of ? n / of : 0);
  return {
    messages: subject.length,
    autoCorrect: share(right.length, subject.length),
    triage: share(subject.length - confident.length, subject.length),
    confidentlyWrong: share(confident.length - right.length, subject.length),
    categoryPrecision: share(confident.filter((r) => r.decision.label === r.truth).length, confident.length),
    noSubject: none.length,
    noSubjectTriaged: share(none.filter((r) => !r.decision.confident).length, none.length),
  };
}

/** "91.2 % auto-routed right, 7.1 % triage, 1.7 % confidently wrong (of 405)". */
export function describeFigures(f: RoutingFigures): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  return (
    `${pct(f.autoCorrect)} auto-routed right, ${pct(f.triage)} triage, ${pct(f.confidentlyWrong)} confidently wrong ` +
    `(of ${f.messages}; right category ${pct(f.categoryPrecision)} of those routed; ${pct(f.noSubjectTriaged)} of ${f.noSubject} with no subject triaged)`
  );
}
