import { createRule, SHARED_MESSAGES, onAnalysis } from '../analysis/report/create-rule.js';
import { quoted } from '../analysis/text/quote.js';
import { replaceStringValue } from '../analysis/fixes/plan.js';
import { fieldAlternatives, sendsNoTitle } from '../analysis/sites/site.js';
import { unsendableCharacter } from '../analysis/domain/header-values.js';
import { checkReferer, normalisedReferer, subdomainOfConfigured } from '../analysis/domain/referer-checks.js';
import { ruleDocsUrl } from '../rule-docs-url.js';

export default createRule({
  name: 'valid-referer',
  meta: {
    type: 'problem',
    docs: {
      description:
        'enforce that `HTTP-Referer` is an absolute http(s) URL of a public host, without a query string, fragment or `.git` suffix that splits one app into several',
      recommended: 'error',
      url: ruleDocsUrl('valid-referer'),
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      ...SHARED_MESSAGES,
      notAbsolute: 'HTTP-Referer {{value}} is not an absolute http(s) URL, so it names no app page. Write the app\'s URL with its scheme.',
      queryOrFragment: 'HTTP-Referer {{value}} has a query string or fragment: every variant of it becomes a separate app.',
      gitSuffix: 'HTTP-Referer {{value}} ends in ".git": the clone URL is a separate app from the repository\'s page.',
      reservedHost:
        'HTTP-Referer {{value}} names the reserved host {{host}}, which no public app has, and no title is sent: nothing names the app. Send its public URL or a title.',
      userinfo: 'HTTP-Referer carries a user name or password in its URL: it is sent to OpenRouter with every request and names no app. Write the app\'s URL alone.',
      ambiguous: 'HTTP-Referer {{value}} holds a backslash, which URL parsers read differently: they disagree on its host.',
      privateHost:
        'HTTP-Referer {{value}} names the private network host {{host}}, which no public app has, and no title is sent: nothing names the app. Send its public URL or a title.',
      subdomain:
        'HTTP-Referer {{value}} names {{host}}, a subdomain of the project\'s {{configured}}: a subdomain becomes a second app entry.',
      useNormalised: 'Use {{value}}.',
    },
  },
  create(context) {
    return onAnalysis(context, (analysis, report) => {
      const configured = analysis.config().attribution.referer;
      for (const { alternative, text, fields } of fieldAlternatives(analysis.sites, 'referer')) {
        // Empty, placeholder, platform-home and unsendable values are `require-referer`'s and `sendable-header-values`' findings.
        const trimmed = text?.trim() ?? '';
        if (trimmed === '' || unsendableCharacter(trimmed)) continue;
        const problem = checkReferer(trimmed);
        if (problem?.kind === 'placeholder' || problem?.kind === 'platformHome') continue;
        // A host only a private network knows is, like localhost, an app OpenRouter can still name by its title.
        if ((problem?.kind === 'reservedHost' || problem?.kind === 'privateHost') && !sendsNoTitle(fields)) continue;
        const subdomain = problem === null && configured ? subdomainOfConfigured(trimmed, configured) : null;
        if (problem === null && subdomain === null) continue;
        const normalised = normalisedReferer(trimmed, configured);
        const replace = normalised === null ? null : replaceStringValue(context.sourceCode, alternative.node, normalised);
        const host = problem && 'host' in problem ? problem.host : (subdomain ?? '');
        report({
          node: alternative.node,
          messageId: problem ? problem.kind : 'subdomain',
          data: { value: quoted(trimmed), host: quoted(host), configured: quoted(configured ?? '') },
          suggest: replace && normalised !== null ? [{ messageId: 'useNormalised', data: { value: quoted(normalised) }, fix: replace }] : [],
        });
      }
    });
  },
});
