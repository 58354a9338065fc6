/** Module specifiers as the resolvers read them. */

/** A path relative to the importing file: `./x`, `../x`, and the folders themselves (`require('..')` of an example). */
export function isRelativeSpecifier(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');
}
