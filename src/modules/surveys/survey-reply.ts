import { foldTurkish } from '@app/common';

/** What a citizen said in reply to a survey: a score 1–5 and/or whether the problem was solved. */
export interface SurveyReply {
  score: number | null;
  /** false = "not solved" (a 0 or "çözülmedi"); null when the citizen did not say. */
  solved: boolean | null;
  comment: string | null;
}

export const COMMENT_MAX = 1000;

// A digit not followed by another digit or a decimal part ("10", "4.5" and "5,6" are not scores).
const SCORE = /^([0-5])(?![\d]|[.,]\d)\s*(\/\s*5\b|puan\b|yildiz\b)?/;
// Words that may follow a bare score: "4 teşekkürler", "2 çok geç". Anything else ("5 gündür su yok",
// "1- Çöpler…") is a new message that happens to start with a number, never a rating.
const EVALUATIVE =
  /^(tesekkur\w*|sag|sagol\w*|eyvallah|memnun\w*|cok|gayet|iyi\w*|guzel\w*|harika|super|mukemmel|basarili|hizli|yavas|kotu|berbat|rezalet|yetersiz|ilgisiz\w*|gec|geciktiniz|ama|fakat|ancak|hala|halen|henuz|maalesef|cozul\w*|hallet\w*|hallol\w*|sorun\w*)(?![\w])/;
const NOT_SOLVED = /\b(cozulmedi|cozulmemis\w*|cozulemedi|halledilmedi|halledilmemis\w*|hallolmadi|yapilmadi|devam ediyor)\b/;
const SOLVED = /\b(cozuldu|halledildi|halloldu)\b/;
// A reply that is only about the outcome: "çözülmedi", "sorunum hâlâ çözülmedi", "çözüldü 5".
const OUTCOME =
  /^(?:(?:sorun|sorunum|problem|problemim|hala|halen|henuz|maalesef)\s+)*(cozulmedi|cozulmemis\w*|cozulemedi|halledilmedi|halledilmemis\w*|hallolmadi|cozuldu|halledildi|halloldu)(?![\w])/;
const TRAILING_SCORE = /^[\s,.;:!-]*([1-5])(?![\d]|[.,]\d)(?:\s*\/\s*5)?/;
const SEPARATORS = /^[\s.,:;!)\-–—]*/;

/**
 * Reads an SMS/WhatsApp reply to "1-5 arası puan verin; çözülmediyse 0 yazın":
 *   "5", "4 teşekkürler", "4/5", "3 puan, biraz geç", "0", "0 hâlâ çukur var",
 *   "çözülmedi", "sorunum çözülmedi", "çözüldü 5", "2 çözülmedi".
 * Anything else is null: the message is handled as an ordinary message.
 */
export function parseSurveyReply(raw: string): SurveyReply | null {
  const text = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  const folded = foldTurkish(text);
  if (!folded) return null;
  // Folding keeps positions for Turkish text; the comment is cut from the original at the same place.
  const rest = (at: number) => {
    const tail = folded.length === text.length ? text.slice(at) : folded.slice(at);
    const comment = tail.replace(SEPARATORS, '').trim().slice(0, COMMENT_MAX);
    return comment || null;
  };

  const score = SCORE.exec(folded);
  if (score) {
    const after = folded.slice(score[0].length).replace(SEPARATORS, '');
    if (after && !score[2] && !EVALUATIVE.test(after)) return null;
    const digit = Number(score[1]);
    return { score: digit || null, solved: digit === 0 ? false : outcomeIn(after), comment: rest(score[0].length) };
  }

  const outcome = OUTCOME.exec(folded);
  if (!outcome) return null;
  const trailing = TRAILING_SCORE.exec(folded.slice(outcome[0].length));
  const end = outcome[0].length + (trailing?.[0].length ?? 0);
  return { score: trailing ? Number(trailing[1]) : null, solved: outcomeIn(outcome[1])!, comment: rest(end) };
}

function outcomeIn(folded: string): boolean | null {
  if (NOT_SOLVED.test(folded)) return false;
  return SOLVED.test(folded) ? true : null;
}
