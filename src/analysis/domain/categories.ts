/** Category slugs: the known list (data, extendable from project config) and the checks on a header value. */
import { closest } from '../text/edit-distance.js';

/** OpenRouter's app category slugs by group. `coding-assistant` is accepted alongside `ide-extension` (see below). */
export const KNOWN_CATEGORIES: Readonly<Record<string, readonly string[]>> = {
  coding: ['cli-agent', 'cloud-agent', 'ide-extension', 'programming-app', 'native-app-builder', 'coding-assistant'],
  creative: ['creative-writing', 'video-gen', 'image-gen', 'audio-gen'],
  productivity: ['writing-assistant', 'general-chat', 'personal-agent', 'legal'],
  entertainment: ['roleplay', 'game'],
};

/**
 * Slugs accepted here that none of OpenRouter's own sources list (the subcategory enum of its OpenAPI
 * spec at typescript-sdk 90c4937, `@openrouter/sdk` 1.3.19's `Subcategory`, the docs; as of 2026-08),
 * each with the listed slug to send beside it: unknown slugs are dropped silently, so the pair is
 * credited whichever list is right, and two slugs fit one request.
 */
export const UNLISTED_CATEGORIES: ReadonlyMap<string, string> = new Map([['coding-assistant', 'ide-extension']]);

/** The listed slug to send beside a value's only slug when OpenRouter's sources do not list that one. */
export function listedCompanion(value: string): { slug: string; companion: string } | null {
  const slugs = splitCategories(value);
  const companion = slugs.length === 1 ? UNLISTED_CATEGORIES.get(slugs[0]!) : undefined;
  return companion ? { slug: slugs[0]!, companion } : null;
}

export const CATEGORY_GROUPS: ReadonlySet<string> = new Set(Object.keys(KNOWN_CATEGORIES));
export const BUILT_IN_CATEGORIES: ReadonlySet<string> = new Set(Object.values(KNOWN_CATEGORIES).flat());
export const MAX_CATEGORIES_PER_REQUEST = 2;
export const MAX_SLUG_LENGTH = 30;

const SLUG_FORMAT = /^[a-z\d]+(?:-[a-z\d]+)*$/;

export function isWellFormedSlug(slug: string): boolean {
  return slug.length <= MAX_SLUG_LENGTH && SLUG_FORMAT.test(slug);
}

/** The slug form of a value: lowercase, spaces and underscores to hyphens. */
export function normaliseSlug(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
}

/** Splits a comma-separated header value into trimmed, non-empty entries. */
export function splitCategories(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** One ending a slug's word may carry that its known form lacks: `roleplaying`, `agents`, `gamer`, `gaming` (`game`). */
const INFLECTION = /(?:ing|ers?|ed|e?s|e)$/;

function stem(word: string): string {
  const stemmed = word.replace(INFLECTION, '');
  return stemmed.length >= 3 ? stemmed : word;
}

/** A word of an unknown slug that is a known word inflected (`roleplaying`) or lengthened (`generation` for `gen`). */
function sameWord(given: string, known: string): boolean {
  return stem(given) === stem(known) || (known.length >= 3 && given.startsWith(known));
}

/**
 * Whether an unknown slug is a known one with its words inflected or lengthened, word by word
 * (`cli-agents`, `image-generation`), or with its hyphens moved (`role-playing`, `generalchat`).
 */
function inflectedFrom(slug: string, candidate: string): boolean {
  const words = slug.split('-');
  const knownWords = candidate.split('-');
  if (words.length === knownWords.length) return words.every((word, index) => sameWord(word, knownWords[index]!));
  return sameWord(slug.replaceAll('-', ''), candidate.replaceAll('-', ''));
}

/** The known slug closest to an unknown one, when it is close enough to be the intended one. */
export function nearestSlug(slug: string, known: Iterable<string>): string | null {
  // Far longer than any slug: no misspelling of one, and no edit distance worth computing.
  if (slug.length > 2 * MAX_SLUG_LENGTH) return null;
  const candidates = [...known];
  const inflected = closest(slug, candidates.filter((candidate) => inflectedFrom(slug, candidate)), Infinity);
  // `writing` → `writing-assistant` is a prefix match rather than an edit; accept those too.
  const prefixMatch = candidates.find((candidate) => candidate.startsWith(`${slug}-`) || slug.startsWith(`${candidate}-`));
  return inflected ?? closest(slug, candidates, Math.max(2, Math.floor(slug.length / 4))) ?? prefixMatch ?? null;
}

export type CategoryProblem =
  | { kind: 'tooMany'; count: number }
  | { kind: 'duplicate'; slug: string }
  | { kind: 'format'; slug: string; normalised: string }
  | { kind: 'group'; slug: string }
  | { kind: 'unknown'; slug: string; nearest: string | null };

/**
 * Slugs of one value checked one by one. A request takes two; past this many the value is already
 * reported as too many, and checking thousands more would only flood the editor.
 */
const MAX_SLUGS_CHECKED = 8;

/** Everything wrong with one categories header value, given the project's known slugs: each distinct problem once. */
export function checkCategories(value: string, known: ReadonlySet<string>): CategoryProblem[] {
  const problems: CategoryProblem[] = [];
  const slugs = splitCategories(value);
  if (slugs.length > MAX_CATEGORIES_PER_REQUEST) problems.push({ kind: 'tooMany', count: slugs.length });
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const slug of slugs) {
    const normalised = normaliseSlug(slug);
    if (seen.has(normalised)) {
      if (!duplicates.has(normalised)) problems.push({ kind: 'duplicate', slug });
      duplicates.add(normalised);
      continue;
    }
    if (seen.size === MAX_SLUGS_CHECKED) continue;
    seen.add(normalised);
    if (!isWellFormedSlug(slug)) problems.push({ kind: 'format', slug, normalised });
    else if (known.has(slug)) continue;
    else if (CATEGORY_GROUPS.has(slug)) problems.push({ kind: 'group', slug });
    else problems.push({ kind: 'unknown', slug, nearest: nearestSlug(slug, known) });
  }
  return problems;
}
