/**
 * A lint that a newer version of its file has made useless stops: a host that can tell (the editor
 * cancelled the request, the file changed) runs the lint under `whileCurrent`, and the analysis asks
 * between sites and between rules. A lint that stops throws `LintSuperseded`, which no rule reports
 * as a failure of the file: the host drops the lint and answers as its protocol says.
 */

export class LintSuperseded extends Error {
  constructor() {
    super('the lint was superseded by a newer version of the file');
    this.name = 'LintSuperseded';
  }
}

let superseded: (() => boolean) | null = null;

/** Runs a lint that stops once `isSuperseded` says a newer version of the file has come. */
export function whileCurrent<T>(isSuperseded: () => boolean, run: () => T): T {
  const previous = superseded;
  superseded = isSuperseded;
  try {
    return run();
  } finally {
    superseded = previous;
  }
}

/** Stops the lint in progress when its host says it is superseded. */
export function throwIfSuperseded(): void {
  if (superseded?.()) throw new LintSuperseded();
}
