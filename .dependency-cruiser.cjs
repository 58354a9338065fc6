/**
 * The layering of src/, held by `npm run lint:layers` (part of `npm test`). ARCHITECTURE.md says
 * what each folder holds; this file says which way imports may point between them.
 */

/** The analysis's folders, lowest first: each may import only from those before it (and itself). */
const LAYERS = ['text', 'domain', 'syntax', 'project-files', 'values', 'clients', 'identity', 'sites', 'python', 'checks', 'fixes', 'report'];

const layer = (name) => `^src/analysis/${name}/`;

/** One rule per layer: nothing in it imports a layer above it. */
const upwardImports = LAYERS.slice(0, -1).map((name, index) => ({
  name: `layer-${name}`,
  comment: `src/analysis/${name}/ sits below ${LAYERS.slice(index + 1).join(', ')}: it may not import from them (see ARCHITECTURE.md).`,
  severity: 'error',
  from: { path: layer(name) },
  to: { path: `^src/analysis/(${LAYERS.slice(index + 1).join('|')})/` },
}));

module.exports = {
  forbidden: [
    ...upwardImports,
    {
      name: 'no-cycles-across-folders',
      comment:
        'Imports form a cycle through this module. Only the value evaluator (src/analysis/values/) is recursive and may import itself in a cycle, inside its own folder.',
      severity: 'error',
      from: { path: '^src/', pathNot: layer('values') },
      to: { circular: true },
    },
    {
      name: 'values-cycles-stay-inside',
      comment: 'A cycle of the value evaluator must stay inside src/analysis/values/.',
      severity: 'error',
      from: { path: layer('values') },
      to: { circular: true, viaSomeNot: layer('values') },
    },
    {
      name: 'analysis-imports-no-rule-or-host',
      comment: 'The analysis knows nothing of the rules, the configs or the hosts built on it.',
      severity: 'error',
      from: { path: '^src/analysis/' },
      to: { path: '^src/(rules|configs|hosts)/|^src/index\\.ts$' },
    },
    {
      name: 'analysis-surface-is-an-index',
      comment: 'src/analysis/index.ts re-exports what hosts may use; nothing inside the analysis imports it.',
      severity: 'error',
      from: { path: '^src/analysis/' },
      to: { path: '^src/analysis/index\\.ts$' },
    },
    {
      name: 'hosts-through-the-surface',
      comment:
        'A host (the ESLint entry and its configs, the tsserver plugin, the audit) uses the analysis through src/analysis/index.ts only: export what it needs there.',
      severity: 'error',
      from: { path: '^src/(hosts/|configs/|index\\.ts$)' },
      to: { path: '^src/analysis/', pathNot: '^src/analysis/index\\.ts$' },
    },
    {
      name: 'rules-not-through-hosts',
      comment: 'Rules sit on the analysis; they never import a host or the configs.',
      severity: 'error',
      from: { path: '^src/rules/' },
      to: { path: '^src/(hosts|configs)/|^src/index\\.ts$' },
    },
    {
      name: 'hosts-apart',
      comment: 'Each host lives in a place of its own: one host does not import another.',
      severity: 'error',
      from: { path: '^src/hosts/([^/]+)/' },
      to: { path: '^src/hosts/', pathNot: '^src/hosts/$1/' },
    },
    {
      name: 'analysis-has-no-loose-modules',
      comment: 'Every module of the analysis belongs to one of its folders (see LAYERS), or is its index.',
      severity: 'error',
      from: { path: '^src/analysis/', pathNot: `^src/analysis/(index\\.ts$|(${LAYERS.join('|')})/)` },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.build.json' },
    exclude: { path: '^(dist|node_modules)/' },
  },
};
