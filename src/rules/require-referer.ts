import { createRule, SHARED_MESSAGES, onAnalysis } from '../analysis/report/create-rule.js';
import { unwrap } from '../analysis/syntax/ast.js';
import { configureToFixHint, fieldLocation, siteLabel } from '../analysis/report/describe-site.js';
import { quoted } from '../analysis/text/quote.js';
import { planAttributionFix, replaceStringValue, type AttributionValues } from '../analysis/fixes/plan.js';
import { fieldAlternatives } from '../analysis/sites/site.js';
import { unstableParts } from '../analysis/checks/unstable-referers.js';
import { misplacedFields } from '../analysis/sites/misplaced-attribution.js';
import { isOpenRouterHost, isOpenRouterRepository, isPlaceholderRefererShape, libraryIdentityOf, parseUrl } from '../analysis/domain/urls.js';
import { shapeText } from '../analysis/values/static-value.js';
import { checkReferer } from '../analysis/domain/referer-checks.js';
import { ruleDocsUrl } from '../rule-docs-url.js';

/** Stands in for an unconfigured referer, to learn whether a configured one could be inserted. */
const PROBE_REFERER = 'https://app.example';
/** Marks the parts of a value the file cannot read: a character no URL holds. */
const UNKNOWN = '\u0000';

export default createRule({
  name: 'require-referer',
  meta: {
    type: 'problem',
    docs: {
      description: 'require an `HTTP-Referer` on every OpenRouter client and request, so usage is credited to the app',
      recommended: 'error',
      url: ruleDocsUrl('require-referer'),
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      ...SHARED_MESSAGES,
      missingReferer: 'Missing HTTP-Referer: {{site}} is credited to no app. Set {{where}} to the app\'s URL.{{fixHint}}',
      titleWithoutReferer:
        'Missing HTTP-Referer: {{site}} sends a title, but a title alone creates no app. Set {{where}} to the app\'s URL.{{fixHint}}',
      ignoredOption:
        'Missing HTTP-Referer: {{client}} ignores the `{{option}}` option, so the attribution in it is never sent. Set {{where}} instead.{{fixHint}}',
      attributionlessExport:
        'Missing HTTP-Referer: the ready-made `openrouter` export of {{client}} sends no attribution. Create the provider with `createOpenRouter({ appUrl, appName })`.',
      attributionlessClient: 'Missing HTTP-Referer: {{client}} sends no attribution to OpenRouter and takes none. {{instead}}.',
      foreignIdentity:
        'Foreign HTTP-Referer: {{client}} sends its own identity to OpenRouter (`HTTP-Referer: {{referer}}`, `X-Title: {{title}}`) and takes none of the app\'s, so this usage is credited to {{title}}, not to this app. {{instead}}.',
      defaultIdentity:
        'Foreign HTTP-Referer: {{client}} sends its own identity to OpenRouter when the app gives none ({{sent}}), so this usage is credited to {{credited}}, not to this app. {{instead}}.',
      placeholderReferer: 'HTTP-Referer {{value}} is a placeholder from the docs, not this app\'s URL.',
      platformReferer:
        'HTTP-Referer {{value}} is the home page of {{host}}, not this app\'s URL: every app that sends it counts as one. Send the app\'s own URL (its page on {{host}} if it lives there).',
      libraryReferer: 'HTTP-Referer {{value}} is {{library}}\'s own identity (copied from its docs or code): this usage is credited to {{library}}, not to this app.',
      openRouterReferer: 'HTTP-Referer {{value}} is OpenRouter\'s own page (copied from its chatroom, docs or examples): this usage is credited to OpenRouter\'s page, not to this app.',
      emptyReferer: 'HTTP-Referer may be an empty string here, which credits usage to no app.',
      useConfiguredReferer: 'Use the configured referer {{value}}.',
    },
  },
  create(context) {
    return onAnalysis(context, (analysis, report) => {
      const config = analysis.config().attribution;
      for (const site of analysis.sites) {
        const { foreignIdentity, instead } = site.row;
        // Unless an option may put the app's own headers over it (Portkey's `forwardHeaders`).
        if (foreignIdentity) {
          // A referer written where the library never reads it is no-ignored-attribution's finding: one finding per mistake.
          if (site.fields.referer.state === 'absent' && !misplacedFields(site.misplaced).has('referer')) {
            if (!foreignIdentity.unlessGiven) {
              report({ node: site.reportNode, messageId: 'foreignIdentity', data: { client: site.row.label, ...foreignIdentity, instead: instead ?? '' } });
            } else {
              // A library that sends only its referer (CrewAI) is credited under it.
              const sent = `\`HTTP-Referer: ${foreignIdentity.referer}\`${foreignIdentity.title ? `, \`X-Title: ${foreignIdentity.title}\`` : ''}`;
              const data = { client: site.row.label, sent, credited: foreignIdentity.title || foreignIdentity.referer, instead: instead ?? '' };
              report({ node: site.reportNode, messageId: 'defaultIdentity', data });
            }
          }
          continue;
        }
        if (site.row.attributionless) {
          // A client whose requests take headers per call (Mastra's `modelSettings.headers`) may be attributed there.
          if (site.row.requestHeadersOptions && site.fields.referer.state !== 'absent') continue;
          // The rows that say what to use instead; the ready-made provider export has its own wording.
          if (instead) report({ node: site.reportNode, messageId: 'attributionlessClient', data: { client: site.row.label, instead } });
          else report({ node: site.reportNode, messageId: 'attributionlessExport', data: { client: site.row.label } });
          continue;
        }
        const { referer, title, categories } = site.fields;
        // A client with no referer whose requests may pass one: each request that passes attribution but no referer.
        for (const request of referer.state === 'absent' ? [] : site.requests) {
          const node = request.reportNode ?? (request.node.type === 'CallExpression' ? unwrap(request.node.callee) : null);
          if (request.fields.referer.state !== 'absent' || !node) continue;
          report({
            node,
            messageId: request.fields.title.state === 'present' ? 'titleWithoutReferer' : 'missingReferer',
            data: { site: `this request (its ${site.row.label} client sends none)`, client: site.row.label, where: fieldLocation(site.row, 'referer'), option: '', fixHint: '' },
          });
        }
        if (referer.state !== 'absent') continue;
        // A referer written where it is not read is no-ignored-attribution's finding: one finding per mistake.
        const misplaced = misplacedFields(site.misplaced);
        if (misplaced.has('referer')) continue;
        // One fix writes the whole identity the site lacks, so a second pass finds nothing to add.
        const values: AttributionValues = { referer: config.referer ?? undefined };
        if (title.state === 'absent' && config.title) values.title = config.title;
        if (categories.state === 'absent' && config.categories) values.categories = config.categories;
        // An ignored option whose contents the file does not show: only this finding can point at it.
        const accounted = new Set(site.misplaced.flatMap((finding) => (finding.kind === 'ignoredOption' ? [finding.option] : [])));
        const ignored = site.ignoredOptions.find((name) => !accounted.has(name));
        const fix = planAttributionFix(site, context.sourceCode, config.referer ? values : { ...values, referer: PROBE_REFERER });
        report({
          node: site.reportNode,
          messageId: ignored ? 'ignoredOption' : title.state === 'present' ? 'titleWithoutReferer' : 'missingReferer',
          data: {
            site: siteLabel(site),
            client: site.row.label,
            where: fieldLocation(site.row, 'referer'),
            option: ignored ?? '',
            fixHint: configureToFixHint('referer', config.referer, fix !== null, context.settings, site.language),
          },
          fix: config.referer ? fix : null,
        });
      }
      for (const { site, alternative, text, siblings } of fieldAlternatives(analysis.sites, 'referer')) {
        if (text === null) {
          // Read in part: a placeholder whatever fills the rest (`https://${name}.example.com`) is still one.
          const shape = shapeText(alternative, UNKNOWN);
          if (isPlaceholderRefererShape(shape, UNKNOWN)) report({ node: alternative.node, messageId: 'placeholderReferer', data: { value: quoted(shape.replaceAll(UNKNOWN, '…')) } });
          continue;
        }
        const empty = text.trim() === '';
        const url = parseUrl(text);
        // OpenRouter's site, or a repository of its organisation: a project of that organisation configures its own.
        const openRouters = !empty && (isOpenRouterHost(url?.hostname ?? '') || (text !== config.referer && isOpenRouterRepository(url)));
        // The library's own repository configures its own referer: that one is its identity.
        const library = empty || openRouters || text === config.referer ? null : libraryIdentityOf(text);
        // A placeholder or a platform's home page, checked first (`checkReferer`), names no app whatever its form.
        const problem = empty || openRouters || library ? null : checkReferer(text.trim());
        const platform = problem?.kind === 'platformHome' ? problem.host : null;
        // `window.location.origin` on the page, `''` or the builder's home page elsewhere: one mistake, no-unstable-referer's.
        const unstable = (other: (typeof siblings)[number]) =>
          other !== alternative && (other.pieces.some((piece) => typeof piece !== 'string' && piece.changesPer !== undefined) || unstableParts(context.sourceCode, site.language, other).length > 0);
        if ((empty || platform) && siblings.some(unstable)) continue;
        if (!empty && !openRouters && !library && !platform && problem?.kind !== 'placeholder') continue;
        const replace = config.referer ? replaceStringValue(context.sourceCode, alternative.node, config.referer) : null;
        report({
          node: alternative.node,
          messageId: empty ? 'emptyReferer' : openRouters ? 'openRouterReferer' : library ? 'libraryReferer' : platform ? 'platformReferer' : 'placeholderReferer',
          data: { value: quoted(text), library: library ?? '', host: platform ?? '' },
          suggest: replace && config.referer ? [{ messageId: 'useConfiguredReferer', data: { value: quoted(config.referer) }, fix: replace }] : [],
        });
      }
    });
  },
});
