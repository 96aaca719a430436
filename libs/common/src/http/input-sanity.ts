import { ErrorDetail } from '../errors/domain.exception';

/** Deeper than any request of ours; what is deeper is refused before anything recurses into it. */
export const MAX_INPUT_DEPTH = 32;

// A UTF-16 surrogate without its partner cannot be stored as UTF-8 text or JSON in PostgreSQL.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'metin NUL karakteri içeremez';
  if (LONE_SURROGATE.test(text)) return 'metin geçersiz bir Unicode karakteri içeriyor';
  return null;
}

/**
 * The first thing in a request's input that no field can hold: nesting deeper than
 * MAX_INPUT_DEPTH, a NUL character or a lone surrogate in a text or a key, a number that is not
 * finite. Walks without recursion, so input nested a hundred thousand deep costs a few steps.
 */
export function findUnusableInput(value: unknown, root = '', check = { text: true }): ErrorDetail | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  while (stack.length) {
    const { value: current, path, depth } = stack.pop()!;
    const field = path || 'body';
    let problem: string | null = null;
    if (typeof current === 'string') problem = check.text ? textProblem(current) : null;
    else if (typeof current === 'number' && !Number.isFinite(current)) problem = 'sayı çok büyük';
    else if (current && typeof current === 'object') {
      if (depth >= MAX_INPUT_DEPTH) problem = `en fazla ${MAX_INPUT_DEPTH} düzey iç içe veri kabul edilir`;
      for (const [key, child] of problem ? [] : Object.entries(current)) {
        const keyProblem = check.text ? textProblem(key) : null;
        if (keyProblem) return { field, message: `${field}: alan adında ${keyProblem}` };
        stack.push({ value: child, path: Array.isArray(current) ? `${path}[${key}]` : path ? `${path}.${key}` : key, depth: depth + 1 });
      }
    }
    if (problem) return { field, message: `${field}: ${problem}` };
  }
  return null;
}
