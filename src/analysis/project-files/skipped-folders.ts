/**
 * Folders that hold no source of the project: dependencies, version control, build output and
 * tool caches. The audit never enters them, nor does the identity-digest walk of the ESLint config.
 */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set([
  'node_modules',
  'bower_components',
  'jspm_packages',
  '.git',
  '.hg',
  '.svn',
  '.jj',
  'dist',
  'build',
  'out',
  'coverage',
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
]);
