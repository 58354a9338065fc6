import type { Node } from '../analysis/syntax/ast.js';
import { HEADER_NAMES, type AttributionField } from '../analysis/domain/attribution-headers.js';
import { createRule, SHARED_MESSAGES, onAnalysis } from '../analysis/report/create-rule.js';
import { fieldLocation } from '../analysis/report/describe-site.js';
import { shortened } from '../analysis/text/quote.js';
import type { OpenRouterSite } from '../analysis/sites/site.js';
import type { MisplacedAttribution } from '../analysis/sites/misplaced-attribution.js';
import { moveHeadersToOptions, renameHeader, renameOption, renameToHeadersOption, type Edit } from '../analysis/fixes/move-attribution.js';
import { installedVersionsFor, otherVersionOptions } from '../analysis/checks/other-versions.js';
import { ruleDocsUrl } from '../rule-docs-url.js';

type IgnoredOption = Extract<MisplacedAttribution, { kind: 'ignoredOption' }>;

const FIELD_WORDS: Readonly<Record<AttributionField, string>> = { referer: 'referer', title: 'title', categories: 'categories' };

/** "the referer and title", for a message about what an ignored option holds. */
function fieldList(fields: readonly AttributionField[]): string {
  const words = fields.map((field) => FIELD_WORDS[field]);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : words[0]!;
}

/** The key of an option or header as written, to underline; the value when the key is elsewhere. */
function keyNode(value: Node | null, fallback: Node): Node {
  const parent = value?.parent;
  return parent?.type === 'Property' && parent.value === value ? parent.key : value ?? fallback;
}

/** The edit that puts an ignored option's attribution where the client reads it, and whether it may be applied unseen. */
function ignoredOptionEdit(site: OpenRouterSite, finding: IgnoredOption, sourceCode: Parameters<typeof moveHeadersToOptions>[2]): { edit: Edit; autofix: boolean } | null {
  if (!finding.container) return null;
  if (!finding.fields.every((field) => site.row.options[field]?.[0])) {
    const rename = renameToHeadersOption(site, finding);
    return rename && { edit: rename, autofix: true };
  }
  const move = moveHeadersToOptions(site, finding, sourceCode);
  return move && { edit: move.edit, autofix: !move.dropsDirective };
}

export default createRule({
  name: 'no-ignored-attribution',
  meta: {
    type: 'problem',
    docs: {
      description: 'disallow attribution where it is never read: options the client ignores, a `Referer` header, misspelt header names',
      recommended: 'error',
      url: ruleDocsUrl('no-ignored-attribution'),
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      ...SHARED_MESSAGES,
      ignoredOption: '{{client}} ignores the `{{option}}` option: the {{fields}} in it {{verb}} never sent. Set {{where}} instead.',
      refererHeader:
        'OpenRouter does not read a `{{header}}` header (and browsers refuse to send one): the referer in it credits no app. Send it as `HTTP-Referer`.',
      nearMiss: '`{{header}}` is not a header OpenRouter reads, so the {{field}} in it is never used: send it as `{{target}}`.',
      renameHeader: 'Rename `{{header}}` to `{{target}}`.',
      moveWithDirective: 'Move it to {{where}}, and drop the comment that silenced the type error.',
      otherVersionOption:
        '{{client}} {{version}}, installed here, does not read the `{{option}}` option (read {{readBy}}), so the {{field}} in it {{verb}} never sent: {{advice}}.',
      renameOption: 'Rename `{{option}}` to `{{target}}`.',
    },
  },
  create(context) {
    return onAnalysis(context, (analysis, report) => {
      const sourceCode = context.sourceCode;
      const installed = installedVersionsFor(context.physicalFilename || context.filename);
      // A constant shared by several sites is reported once.
      const seen = new Set<Node>();
      const reportOtherVersions = (site: OpenRouterSite): void => {
        for (const finding of otherVersionOptions(site, installed)) {
          if (!finding.entry.value || seen.has(finding.entry.value)) continue;
          seen.add(finding.entry.value);
          const { instead, renameIsCurrent } = finding;
          const rename = instead ? renameOption(site, finding.entry, instead) : null;
          const advice = instead ? `rename it \`${instead}\`${renameIsCurrent ? '' : ', or upgrade the SDK'}` : 'upgrade the SDK to send it';
          const data = {
            client: finding.module,
            version: shortened(finding.version.text),
            option: finding.option,
            readBy: finding.readBy,
            field: FIELD_WORDS[finding.field],
            verb: finding.field === 'categories' ? 'are' : 'is',
            advice,
            target: instead ?? '',
          };
          report({
            node: keyNode(finding.entry.value, site.reportNode),
            messageId: 'otherVersionOption',
            data,
            fix: renameIsCurrent ? rename : null,
            suggest: rename && !renameIsCurrent ? [{ messageId: 'renameOption', data, fix: rename }] : [],
          });
        }
      };
      for (const site of analysis.sites) {
        reportOtherVersions(site);
        const options = site.misplaced.filter((finding): finding is IgnoredOption => finding.kind === 'ignoredOption');
        // Two ignored options carrying the same field would both write it: neither is fixed.
        const claimed = options.flatMap((finding) => finding.fields);
        const conflicting = new Set(claimed).size !== claimed.length;
        for (const finding of site.misplaced) {
          const node = finding.entry.value ?? site.reportNode;
          if (seen.has(node)) continue;
          seen.add(node);
          if (finding.kind === 'ignoredOption') {
            const move = conflicting ? null : ignoredOptionEdit(site, finding, sourceCode);
            const where = finding.fields.map((field) => fieldLocation(site.row, field)).join(' and ');
            report({
              node: keyNode(finding.entry.value, site.reportNode),
              messageId: 'ignoredOption',
              data: { client: site.row.label, option: finding.option, fields: fieldList(finding.fields), verb: finding.fields.length > 1 ? 'are' : 'is', where },
              fix: move?.autofix ? move.edit : null,
              suggest: move && !move.autofix ? [{ messageId: 'moveWithDirective', data: { where }, fix: move.edit }] : [],
            });
            continue;
          }
          const target = HEADER_NAMES[finding.field][0]!;
          const data = { header: shortened(finding.header), target, field: FIELD_WORDS[finding.field] };
          const rename = renameHeader(finding, sourceCode);
          // `Referer` is a real header someone may mean: renaming it is offered, never applied. A misspelling is
          // renamed when the file shows every header, so the right name cannot already be there.
          const autofix = finding.kind === 'nearMiss' && finding.container.complete ? rename : null;
          report({
            node: keyNode(finding.entry.value, site.reportNode),
            messageId: finding.kind,
            data,
            fix: autofix,
            suggest: rename && !autofix ? [{ messageId: 'renameHeader', data, fix: rename }] : [],
          });
        }
      }
    });
  },
});
