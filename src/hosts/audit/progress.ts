/**
 * A progress line on stderr (files done of files found, and the rate), shown only when stderr is
 * a terminal and the run has lasted a second, redrawn at most ten times a second, cleared at the end.
 */
const SHOW_AFTER_MS = 1_000;
const REDRAW_EVERY_MS = 100;

export interface Progress {
  update(done: number, found: number): void;
  clear(): void;
}

export function createProgress(stream: NodeJS.WriteStream): Progress {
  if (!stream.isTTY) return { update() {}, clear() {} };
  const started = Date.now();
  let drawnAt = 0;
  let shown = false;
  return {
    update(done, found) {
      const now = Date.now();
      if (now - started < SHOW_AFTER_MS || now - drawnAt < REDRAW_EVERY_MS) return;
      drawnAt = now;
      shown = true;
      const rate = Math.round((done * 1000) / (now - started));
      const width = 24;
      const filled = found > 0 ? Math.round((width * done) / found) : 0;
      const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
      stream.write(`\r\x1b[K[${bar}] ${done}/${found} files, ${rate} files/s`);
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
