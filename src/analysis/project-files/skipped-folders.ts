/**
 * Folders that hold no source of the project: dependencies, version control, tool caches, editors'
 * local history and build output. The audit never enters them, nor does the identity-digest walk of the ESLint config.
 */

/** Skipped wherever they are: nothing but dependencies, version control, editors' files and tool output is ever named so. */
const ALWAYS_SKIPPED: ReadonlySet<string> = new Set([
  'node_modules',
  'bower_components',
  'jspm_packages',
  '.git',
  '.hg',
  '.svn',
  '.jj',
  '.next',
  '.nuxt',
  '.output',
  '.svelte-kit',
  '.turbo',
  '.cache',
  '.parcel-cache',
  '.vercel',
  '.netlify',
  '.docusaurus',
  '.yarn',
  'storybook-static',
  // Editors' local history (VS Code's Local History extension, JetBrains' `.idea`): timestamped copies of edited files.
  '.history',
  '.idea',
]);

/**
 * Build output, where builds write it: beside a package.json. Elsewhere these are names of source
 * folders too (a Next.js route `app/api/build/route.ts`, a `src/out/` module), which are audited.
 */
const OUTPUT_FOLDERS: ReadonlySet<string> = new Set(['dist', 'build', 'out', 'coverage']);

/** Whether a folder named `name` is left out, in a folder that does or does not hold a package.json. */
export function isSkippedFolder(name: string, besidePackageJson: boolean): boolean {
  return ALWAYS_SKIPPED.has(name) || (besidePackageJson && OUTPUT_FOLDERS.has(name));
}
