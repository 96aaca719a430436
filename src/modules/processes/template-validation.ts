import { ErrorDetail } from '@app/common';
import { following, StepDefinition } from './process-definition';

interface Edge {
  target: string;
  /** The field that makes this edge, named in the error when it closes a cycle. */
  field: string;
}

/**
 * The rules a template must keep before anything runs on it: every step has a responsible unit
 * or role and a positive duration, every link names a step, no path comes back on itself (a
 * process must end), and every step can be reached. Fields are named as the request sends them.
 */
export function validateTemplate(steps: StepDefinition[]): ErrorDetail[] {
  if (!steps.length) return [{ field: 'steps', message: 'steps: en az bir adım gerekir' }];
  const problems: ErrorDetail[] = [];
  const keys = new Set<string>();
  steps.forEach((step, i) => {
    const at = `steps.${i}`;
    if (!step.key?.trim()) problems.push({ field: `${at}.key`, message: `${at}.key: adım anahtarı boş olamaz` });
    else if (keys.has(step.key)) problems.push({ field: `${at}.key`, message: `${at}.key: "${step.key}" anahtarı birden fazla adımda kullanılmış` });
    keys.add(step.key);
    if (!step.departmentId && !step.role)
      problems.push({ field: `${at}.departmentId`, message: `${at}.departmentId: adımın sorumlu birimi (ya da rolü) belirtilmeli` });
    problems.push(...durationProblems(step, at));
    if (step.outcomes) {
      if (step.outcomes.length < 2) problems.push({ field: `${at}.outcomes`, message: `${at}.outcomes: karar adımının en az iki sonucu olmalı` });
      const codes = new Set<string>();
      step.outcomes.forEach((o, j) => {
        if (codes.has(o.code))
          problems.push({ field: `${at}.outcomes.${j}.code`, message: `${at}.outcomes.${j}.code: "${o.code}" sonucu iki kez tanımlanmış` });
        codes.add(o.code);
        if (o.next && o.end)
          problems.push({ field: `${at}.outcomes.${j}.end`, message: `${at}.outcomes.${j}.end: bir sonuç hem sonraki adımı hem bitişi belirtemez` });
      });
    }
  });
  if (problems.length) return problems;
  for (const [i, step] of steps.entries()) {
    for (const edge of edgesOf(steps, i)) {
      if (!keys.has(edge.target)) problems.push({ field: edge.field, message: `${edge.field}: "${edge.target}" adında bir adım yok (${step.key})` });
    }
  }
  if (problems.length) return problems;
  const cycle = findCycle(steps);
  if (cycle) return [{ field: cycle.field, message: `${cycle.field}: süreç döngü içeriyor (${cycle.path.join(' → ')}); her yol bir bitişe varmalı` }];
  const reached = reachable(steps);
  steps.forEach((step, i) => {
    if (!reached.has(step.key)) problems.push({ field: `steps.${i}`, message: `steps.${i}: "${step.key}" adımına hiçbir adımdan ulaşılamıyor` });
  });
  return problems;
}

function durationProblems(step: StepDefinition, at: string): ErrorDetail[] {
  const { min, max } = step.duration;
  if (!(max > 0)) return [{ field: `${at}.duration.max`, message: `${at}.duration.max: süre sıfırdan büyük olmalı (${max})` }];
  if (min < 0) return [{ field: `${at}.duration.min`, message: `${at}.duration.min: süre negatif olamaz (${min})` }];
  if (min > max) return [{ field: `${at}.duration.min`, message: `${at}.duration.min: en kısa süre (${min}) en uzun süreden (${max}) büyük olamaz` }];
  return [];
}

/** Where a step can lead: each outcome of a decision, or its one way on. */
export function edgesOf(steps: StepDefinition[], i: number): Edge[] {
  const step = steps[i];
  const at = `steps.${i}`;
  const outcomes = step.outcomes?.length ? step.outcomes : [undefined];
  const edges: Edge[] = [];
  outcomes.forEach((outcome, j) => {
    const to = following(steps, i, outcome);
    if (!('next' in to)) return;
    const field = outcome?.next ? `${at}.outcomes.${j}.next` : step.next ? `${at}.next` : at;
    edges.push({ target: to.next, field });
  });
  return edges;
}

/** Depth-first search; a link back to a step still on the path closes a cycle. */
function findCycle(steps: StepDefinition[]): { field: string; path: string[] } | null {
  const index = new Map(steps.map((s, i) => [s.key, i]));
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (key: string): { field: string; path: string[] } | null => {
    state.set(key, 'open');
    path.push(key);
    for (const edge of edgesOf(steps, index.get(key)!)) {
      const seen = state.get(edge.target);
      if (seen === 'open') return { field: edge.field, path: [...path.slice(path.indexOf(edge.target)), edge.target] };
      if (!seen) {
        const found = visit(edge.target);
        if (found) return found;
      }
    }
    path.pop();
    state.set(key, 'done');
    return null;
  };
  for (const step of steps) {
    if (state.has(step.key)) continue;
    const found = visit(step.key);
    if (found) return found;
  }
  return null;
}

function reachable(steps: StepDefinition[]): Set<string> {
  const index = new Map(steps.map((s, i) => [s.key, i]));
  const seen = new Set<string>([steps[0].key]);
  const queue = [steps[0].key];
  while (queue.length) {
    const key = queue.shift()!;
    for (const edge of edgesOf(steps, index.get(key)!)) {
      if (!seen.has(edge.target)) {
        seen.add(edge.target);
        queue.push(edge.target);
      }
    }
  }
  return seen;
}
