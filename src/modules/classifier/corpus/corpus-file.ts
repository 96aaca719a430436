import { readFileSync } from 'node:fs';
import { Example } from '../model/training-set';
import { NO_SUBJECT } from '../routing/decide';
import { isHeldOut } from './held-out';

/** `data/classifier-corpus.json`: messages by their category's service code, and messages with nothing to route. */
export interface CorpusFile {
  categories: Record<string, string[]>;
  triage: string[];
}

export interface Corpus {
  training: Example[];
  heldOut: Example[];
}

export function readCorpus(path: string): Corpus {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`CLASSIFIER_CORPUS_FILE: cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  const file = raw as Partial<CorpusFile>;
  const texts = (list: unknown, where: string): string[] => {
    if (!Array.isArray(list) || list.some((t) => typeof t !== 'string' || !t.trim())) {
      throw new Error(`CLASSIFIER_CORPUS_FILE: ${path}: ${where} must be a list of non-empty texts`);
    }
    return list as string[];
  };
  if (!file.categories || typeof file.categories !== 'object') throw new Error(`CLASSIFIER_CORPUS_FILE: ${path}: categories is missing`);
  const categories = Object.fromEntries(Object.entries(file.categories).map(([code, list]) => [code, texts(list, `categories.${code}`)]));
  return splitCorpus({ categories, triage: texts(file.triage ?? [], 'triage') });
}

/** Every message as an example, each in the part the held-out rule puts it. */
export function splitCorpus(file: CorpusFile): Corpus {
  const all: Example[] = [
    ...Object.entries(file.categories).flatMap(([label, list]) => list.map((text) => ({ text, label }))),
    ...file.triage.map((text) => ({ text, label: NO_SUBJECT })),
  ];
  return { training: all.filter((e) => !isHeldOut(e.text)), heldOut: all.filter((e) => isHeldOut(e.text)) };
}

/** A category's name and keywords, as short examples of it: what it knows before any message. */
export function priorsOf(categories: { serviceCode: string; name: string; keywords: string[] }[]): Example[] {
  return categories.flatMap((c) => [c.name, ...c.keywords].map((text) => ({ text, label: c.serviceCode, weight: 0.5 })));
}
