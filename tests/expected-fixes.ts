/**
 * The fix every host must write into the `package-identity` fixture's client, from its package.json
 * identity (the title overridable by settings): one expectation for ESLint, Oxlint's CLI and Oxlint's
 * language server.
 */
export function packageIdentityClientFix(title = 'ReviewBot'): string {
  return [
    'const client = new OpenRouter({',
    "  httpReferer: 'https://github.com/acme/reviewbot',",
    `  appTitle: '${title}',`,
    "  appCategories: 'cli-agent,code-review',",
    '});',
  ].join('\n');
}
