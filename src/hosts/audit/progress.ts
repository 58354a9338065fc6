/**
 * A progress line on stderr (files done, files found, and the rate), shown only when stderr is a
 * terminal and the run has lasted a second, redrawn at most ten times a second, cleared at the end.
 * Files are linted while the folders are still walked, so the total is known only when the walk ends:
 * until then the line counts without a bar, which would otherwise read nearly full all along.
 */
const SHOW_AFTER_MS = 1_000;
const REDRAW_EVERY_MS = 100;

export interface Progress {
  update(done: number, found: number, walked: boolean): void;
  clear(): void;
}

export function createProgress(stream: NodeJS.WriteStream): Progress {
  if (!stream.isTTY) return { update() {}, clear() {} };
  const started = Date.now();
  let drawnAt = 0;
  let shown = false;
  return {
    update(done, found, walked) {
      const now = Date.now();
      if (now - started < SHOW_AFTER_MS || now - drawnAt < REDRAW_EVERY_MS) return;
      drawnAt = now;
      shown = true;
      stream.write(`\r\x1b[K${progressLine(done, found, walked, Math.round((done * 1000) / (now - started)))}`);
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}

/** The line's text: a bar once the total is known, counts while the folders are still walked. */
export function progressLine(done: number, found: number, walked: boolean, rate: number): string {
  if (!walked) return `${done} files audited, ${found} found so far, ${rate} files/s`;
  const width = 24;
  const filled = found > 0 ? Math.round((width * done) / found) : 0;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${found} files, ${rate} files/s`;
}
