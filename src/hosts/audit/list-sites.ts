/**
 * `--list-sites`: the inventory of a run, every OpenRouter site with its place, its client, whether it
 * is attributed and the identity it sends where the code tells it, in text or as versioned JSON. The
 * sites are those the audit counts (one analysis, reported by the site rule), never found a second way.
 */
import type { SentValue } from '../../analysis/index.js';
import { version } from '../../version.js';
import { inertJson, inertLine } from '../../analysis/index.js';
import type { FileSite } from './lint-file.js';
import type { AuditParseError, AuditReport } from './report.js';
import type { AuditTarget } from './run-audit.js';

/** Bumped on any incompatible change to the inventory's JSON shape. */
export const SITE_INVENTORY_VERSION = 1;

export interface ListedSite {
  /** Relative to the repository's `path`, `/`-separated. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly client: string;
  /** Whether it sends a referer; null when the file does not tell. */
  readonly attributed: boolean | null;
  /** What the site may send for each field; null when it sends none. */
  readonly referer: readonly SentValue[] | null;
  readonly title: readonly SentValue[] | null;
  readonly categories: readonly SentValue[] | null;
}

export interface SiteInventory {
  readonly version: typeof SITE_INVENTORY_VERSION;
  readonly kind: 'sites';
  readonly tool: { readonly name: 'eslint-plugin-openrouter'; readonly version: string };
  readonly config: string;
  readonly repositories: readonly { readonly path: string; readonly sites: readonly ListedSite[]; readonly parseErrors: readonly AuditParseError[] }[];
  readonly summary: { readonly repositories: number; readonly sites: number; readonly attributed: number; readonly parseErrors: number };
}

/** Collects the sites a run reports (its `onSites`), then joins them to the run's report. */
export class SiteCollector {
  private readonly byRepository = new Map<string, ListedSite[]>();

  readonly add = (target: AuditTarget, file: string, sites: readonly FileSite[]): void => {
    let list = this.byRepository.get(target.path);
    if (!list) this.byRepository.set(target.path, (list = []));
    for (const { fields, ...site } of sites) list.push({ file, line: site.line, column: site.column, client: site.client, attributed: site.attributed, ...fields });
  };

  inventory(report: AuditReport): SiteInventory {
    const repositories = report.repositories.map((repository) => ({
      path: repository.path,
      sites: (this.byRepository.get(repository.path) ?? []).sort(byPlace),
      parseErrors: repository.parseErrors ?? [],
    }));
    const sites = repositories.flatMap((repository) => repository.sites);
    return {
      version: SITE_INVENTORY_VERSION,
      kind: 'sites',
      tool: { name: 'eslint-plugin-openrouter', version },
      config: report.config,
      repositories,
      summary: {
        repositories: repositories.length,
        sites: sites.length,
        attributed: sites.filter((site) => site.attributed === true).length,
        parseErrors: repositories.reduce((sum, repository) => sum + repository.parseErrors.length, 0),
      },
    };
  }
}

function byPlace(a: ListedSite, b: ListedSite): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}

function describeValue(value: SentValue): string {
  if (value.kind === 'text') return JSON.stringify(value.text);
  if (value.kind === 'environment') return value.name ? `from the environment (${value.name})` : 'from the environment';
  return 'unknown';
}

function describeField(name: string, values: readonly SentValue[] | null): string {
  return values === null ? `${name} not sent` : `${name} ${values.map(describeValue).join(' or ')}`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Per repository its sites as `file:line:column  client  attributed  identity`, then a summary line. */
export function formatSitesText(inventory: SiteInventory): string {
  const lines: string[] = [];
  for (const repository of inventory.repositories) {
    const attributed = repository.sites.filter((site) => site.attributed === true).length;
    lines.push(`${repository.path}: ${plural(repository.sites.length, 'OpenRouter site')}, ${attributed} attributed`);
    for (const site of repository.sites) {
      const identity = [describeField('referer', site.referer), describeField('title', site.title), describeField('categories', site.categories)].join(', ');
      lines.push(`  ${site.file}:${site.line}:${site.column}  ${site.client}  ${site.attributed === null ? 'attribution unknown' : site.attributed ? 'attributed' : 'unattributed'}  ${identity}`);
    }
    if (repository.parseErrors.length > 0) {
      lines.push(`  not parsed, so not listed (${repository.parseErrors.length})`);
      for (const error of repository.parseErrors) lines.push(`    ${error.file}:${error.line}:${error.column}`);
    }
    lines.push('');
  }
  const { summary } = inventory;
  const notParsed = summary.parseErrors > 0 ? `, ${plural(summary.parseErrors, 'file')} not parsed` : '';
  lines.push(`Sites: ${plural(summary.repositories, 'repository', 'repositories')}, ${plural(summary.sites, 'OpenRouter site')}, ${summary.attributed} attributed${notParsed}`);
  // Client labels are the table's, but paths and values come from the audited repositories: shown inert.
  return `${lines.map(inertLine).join('\n')}\n`;
}

export function formatSitesJson(inventory: SiteInventory): string {
  return `${inertJson(JSON.stringify(inventory, null, 2))}\n`;
}

