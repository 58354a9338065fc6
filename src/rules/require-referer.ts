import { createRule, INVALID_CONFIG_MESSAGE, onAnalysis } from '../core/create-rule.js';
import { fieldLocation, quoted, siteLabel } from '../core/describe-site.js';
import { planAttributionFix, replaceStringValue, type AttributionValues } from '../core/fix-plan.js';
import { exactText } from '../core/static-value.js';
import { isPlaceholderReferer } from '../core/urls.js';

export default createRule({
  name: 'require-referer',
  meta: {
    type: 'problem',
    docs: {
      description: 'require an `HTTP-Referer` on every OpenRouter client and request, so usage is credited to the app',
      recommended: 'error',
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      ...INVALID_CONFIG_MESSAGE,
      missingReferer: 'Missing HTTP-Referer: {{site}} is credited to no app. Set {{where}} to the app\'s URL.',
      titleWithoutReferer:
        'Missing HTTP-Referer: {{site}} sends a title, but a title alone creates no app. Set {{where}} to the app\'s URL.',
      ignoredOption:
        'Missing HTTP-Referer: {{client}} ignores the `{{option}}` option, so the attribution in it is never sent. Set {{where}} instead.',
      attributionlessExport:
        'Missing HTTP-Referer: the ready-made `openrouter` export of {{client}} sends no attribution. Create the provider with `createOpenRouter({ appUrl, appName })`.',
      placeholderReferer: 'HTTP-Referer {{value}} is a placeholder from the docs, not this app\'s URL.',
      emptyReferer: 'HTTP-Referer may be an empty string here, which credits usage to no app.',
      useConfiguredReferer: 'Use the configured referer {{value}}.',
    },
  },
  create(context) {
    return onAnalysis(context, (analysis) => {
      const reported = new Set<unknown>();
      for (const site of analysis.sites) {
        if (site.row.attributionless) {
          context.report({ node: site.reportNode, messageId: 'attributionlessExport', data: { client: site.row.label } });
          continue;
        }
        const { referer, title, categories } = site.fields;
        const data = { site: siteLabel(site), client: site.row.label, where: fieldLocation(site.row, 'referer') };
        if (referer.state === 'absent') {
          const config = analysis.config().attribution;
          const values: AttributionValues = {};
          if (config.referer) {
            values.referer = config.referer;
            if (title.state === 'absent' && config.title) values.title = config.title;
            if (categories.state === 'absent' && config.categories) values.categories = config.categories;
          }
          const fix = config.referer ? planAttributionFix(site, context.sourceCode, values) : null;
          const ignored = site.ignoredOptions[0];
          context.report({
            node: site.reportNode,
            messageId: ignored ? 'ignoredOption' : title.state === 'present' ? 'titleWithoutReferer' : 'missingReferer',
            data: { ...data, option: ignored ?? '' },
            fix,
          });
          continue;
        }
        if (referer.state !== 'present') continue;
        for (const value of referer.values) {
          for (const alternative of value.alternatives) {
            const text = exactText(alternative);
            if (text === null || reported.has(alternative.node)) continue;
            const empty = text.trim() === '';
            if (!empty && !isPlaceholderReferer(text)) continue;
            reported.add(alternative.node);
            const configured = analysis.config().attribution.referer;
            const replace = configured ? replaceStringValue(context.sourceCode, alternative.node, configured) : null;
            context.report({
              node: alternative.node,
              messageId: empty ? 'emptyReferer' : 'placeholderReferer',
              data: { value: quoted(text) },
              suggest: replace && configured ? [{ messageId: 'useConfiguredReferer', data: { value: quoted(configured) }, fix: replace }] : [],
            });
          }
        }
      }
    });
  },
});
