/**
 * The fix every host must write into the `package-identity` fixture's client, from its package.json
 * identity: one expectation for ESLint, Oxlint's CLI and Oxlint's language server.
 */
export const PACKAGE_IDENTITY_CLIENT_FIX = [
  'const client = new OpenRouter({',
  "  httpReferer: 'https://github.com/acme/reviewbot',",
  "  appTitle: 'ReviewBot',",
  "  appCategories: 'cli-agent,code-review',",
  '});',
].join('\n');
