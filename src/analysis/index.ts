/**
 * What a host may use of the analysis (the ESLint entry and its configs, the tsserver plugin, the
 * audit). Rules sit on the analysis itself; hosts go through here only, so what lies behind this file
 * can be regrouped without touching a host.
 */

/** The pre-test every host runs on a file's text before parsing it, and the client table it needs. */
export { mayHoldOpenRouterSite, projectClientTable } from './sites/prefilter.js';
export { importsMayGiveOpenRouter } from './sites/imported-identity.js';
export { BUILT_IN_TABLE, type ClientTable } from './clients/table.js';
/** The file's analysis, shared by every rule (the audit counts and lists its sites). */
export { analyseSource } from './report/analyse-source.js';
export { lineStartsOf, parsePython, type PythonParse } from './python/parse.js';
export { position as pythonPosition } from './python/nodes.js';
export { mayHoldPythonSite } from './python/front-end.js';
/** A lint that stops when a newer version of its file supersedes it (the tsserver plugin). */
export { LintSuperseded, whileCurrent } from './sites/superseded.js';
export { siteIdentity, type SentValue, type SiteIdentity } from './sites/site-identity.js';
/** The project's identity and config, as the rules read it. */
export { loadProjectAttribution, packageFieldProblems, type LoadedProjectConfig } from './identity/project-config.js';
export { NAMESPACE, NO_SETTINGS_SOURCE, SETTING_KEYS, SETTINGS_SOURCE_KEY, type OpenRouterSettings } from './identity/settings.js';
/** What an identity may hold, for a host that writes one (and the JSON schema of the package.json field). */
export { BUILT_IN_CATEGORIES, MAX_CATEGORIES_PER_REQUEST, MAX_SLUG_LENGTH, splitCategories } from './domain/categories.js';
export { isLocalhostHost, parseHttpUrl } from './domain/urls.js';
/** Did-you-mean for a host's own option names. */
export { closest } from './text/edit-distance.js';
export { inertJson, inertLine } from './text/inert-text.js';
/** Digests of the package.json identities, for ESLint's cache. */
export { identityDigests, isInsideDirectory, MAX_FOLDERS } from './identity/identity-digests.js';
/** Lookups that climb from a file stop at these folders (the audited roots). */
export { setLookupCeilings } from './project-files/walk-up.js';
/** Whether an open file lies inside a root, by real path: every read and write of a repository's files asks. */
export { DESCRIPTORS_FOLDER, isDescriptorWithin, isWithin, realPathOfDescriptor, realPathOrNull } from './project-files/within-root.js';
/** Folders that hold no source of the project. */
export { isSkippedFolder } from './project-files/skipped-folders.js';
/** The parser wrapper that fix verification re-parses with. */
export { WRAPPED_PARSER } from './fixes/verification.js';
/** What a rule's docs say of it, from which the configs are derived. */
export type { OpenRouterRuleDocs } from './report/create-rule.js';
