/**
 * Each rule's help for SARIF (`fullDescription`, `help.text`, `help.markdown`), read from its doc,
 * `docs/rules/<rule>.md`, which the package ships: the docs stay the one source of what a rule is,
 * and the help a code scanning alert shows is the doc of the version that found it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPOSITORY_URL } from '../../rule-docs-url.js';
import { version } from '../../version.js';

export interface RuleHelp {
  /** The doc's first paragraph, as plain text. */
  readonly fullDescription: string;
  readonly text: string;
  readonly markdown: string;
}

/** The package root: from dist/hosts/audit/ (or src/hosts/audit/ under test), three folders up. */
const DOCS = path.resolve(__dirname, '../../../docs/rules');
const HEADER_END = '<!-- end auto-generated rule header -->';

const cache = new Map<string, RuleHelp | null>();

/** Links relative to the doc, made absolute at this version's tag: the alert is shown far from the repository. */
function absoluteLinks(markdown: string): string {
  const base = `${REPOSITORY_URL}/blob/v${version}/docs/rules/`;
  return markdown.replace(/\]\((?![a-z][a-z\d+.-]*:|#)([^)\s]+)\)/gi, (_, target: string) => `](${new URL(target, base).href})`);
}

/** Markdown read as plain text: links as their text and address, no code or emphasis marks. */
function plainText(markdown: string): string {
  return markdown
    .replace(/^```.*$/gm, '')
    .replace(/!?\[([^\]]*)\]\(([^)\s]+)\)/g, '$1 ($2)')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function read(name: string): RuleHelp | null {
  let doc: string;
  try {
    doc = readFileSync(path.join(DOCS, `${name}.md`), 'utf8');
  } catch {
    return null;
  }
  const at = doc.indexOf(HEADER_END);
  const markdown = absoluteLinks((at === -1 ? doc : doc.slice(at + HEADER_END.length)).trim());
  const firstParagraph = markdown.split(/\n\s*\n/).find((paragraph) => !paragraph.startsWith('#')) ?? '';
  return { fullDescription: plainText(firstParagraph).replace(/\s*\n\s*/g, ' '), text: plainText(markdown), markdown };
}

/** The help of one of the plugin's rules by its name (`require-referer`), or null when its doc is missing. */
export function ruleHelp(name: string): RuleHelp | null {
  if (!cache.has(name)) cache.set(name, read(name));
  return cache.get(name)!;
}
