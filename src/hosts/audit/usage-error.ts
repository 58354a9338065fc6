/** A problem with how the audit was called or configured (exit status 2); its message names the flag, path or file. */
export class UsageError extends Error {}
