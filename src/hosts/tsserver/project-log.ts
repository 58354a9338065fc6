/**
 * The plugin's lines in the tsserver log, bounded. tsserver keeps its log for the server's life, and
 * what a line says comes from files and options nobody here wrote: each line is one line, shortened,
 * with control and bidirectional characters escaped; each problem is logged once per project, and the
 * problems remembered for that are a fixed number.
 */
import { inertLine } from '../../analysis/index.js';

/** Characters of a line past the prefix: a problem is recognisable long before that. */
export const MAX_LINE_LENGTH = 1_000;
/** Problems remembered per project; past them, new problems are not logged (said once). */
export const MAX_PROBLEMS = 256;


/** A message as one inert line of at most MAX_LINE_LENGTH characters, cut with an ellipsis. */
export function logLine(message: string): string {
  // Only a prefix is escaped: an escape is longer than its character, so a longer prefix is never needed.
  const escaped = inertLine(message.slice(0, MAX_LINE_LENGTH + 1));
  if (escaped.length <= MAX_LINE_LENGTH && message.length <= MAX_LINE_LENGTH) return escaped;
  // Not in the middle of an escape or of a surrogate pair.
  return `${escaped.slice(0, MAX_LINE_LENGTH - 1).replace(/\\(?:u[\da-f]{0,3})?$|[\uD800-\uDBFF]$/, '')}…`;
}

export class ProjectLog {
  /** The problems logged, by key, each at most MAX_LINE_LENGTH characters. */
  private readonly logged = new Set<string>();
  private full = false;

  constructor(private readonly write: (line: string) => void) {}

  /** Logs a line (for what happens once per project: the plugin starting, a failure to start). */
  log(message: string): void {
    this.write(logLine(message));
  }

  /**
   * Logs a problem the first time its key is seen (by default, the message itself): a problem met
   * on every request, such as a file that cannot be parsed, is logged once, whatever changes between
   * its occurrences (the file's version, the error's position) staying out of the key.
   */
  once(message: string, key: string = message): void {
    const shortKey = logLine(key);
    if (this.logged.has(shortKey)) return;
    if (this.logged.size >= MAX_PROBLEMS) {
      if (!this.full) this.log(`${MAX_PROBLEMS} problems logged for this project; further problems are not logged`);
      this.full = true;
      return;
    }
    this.logged.add(shortKey);
    this.log(message);
  }
}
