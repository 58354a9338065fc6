/**
 * Unified line diffs (`@@ -a,b +c,d @@` hunks with context lines) for showing what a fix or a
 * suggestion changes, without writing anything.
 */

/** The edit script from `a` to `b` as `[' ' | '-' | '+', line]` pairs (longest common subsequence). */
function editScript(a, b) {
  const lcs = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const script = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      script.push([' ', a[i++]]);
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
      script.push(['-', a[i++]]);
    } else {
      script.push(['+', b[j++]]);
    }
  }
  return script;
}

/** The lines of a text; a final line break ends the last line rather than starting an empty one. */
function lines(text) {
  const all = text.split('\n');
  if (all.length > 1 && all.at(-1) === '') all.pop();
  return all;
}

/** `count` lines from `start` (1-based) as a hunk range; an empty range names the line before it. */
function range(start, count) {
  return count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`;
}

/**
 * The hunks that turn `before` into `after`, each with up to `context` unchanged lines around its
 * changes; hunks whose context would touch are merged. Empty when the texts are equal.
 */
export function unifiedDiffHunks(before, after, context = 3) {
  const script = editScript(lines(before), lines(after));
  const changed = script.flatMap(([kind], index) => (kind === ' ' ? [] : [index]));
  const hunks = [];
  let k = 0;
  while (k < changed.length) {
    const first = changed[k];
    let last = first;
    while (k + 1 < changed.length && changed[k + 1] - last <= 2 * context + 1) last = changed[++k];
    k++;
    const start = Math.max(0, first - context);
    const end = Math.min(script.length, last + context + 1);
    // Line numbers at `start`: every earlier entry advances the old side unless added, the new side unless removed.
    const oldStart = script.slice(0, start).filter(([kind]) => kind !== '+').length + 1;
    const newStart = script.slice(0, start).filter(([kind]) => kind !== '-').length + 1;
    const body = script.slice(start, end);
    const oldCount = body.filter(([kind]) => kind !== '+').length;
    const newCount = body.filter(([kind]) => kind !== '-').length;
    hunks.push([`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@`, ...body.map(([kind, line]) => `${kind}${line}`)].join('\n'));
  }
  return hunks;
}

/** A unified diff of one file, with `---`/`+++` headers naming it; empty when nothing changed. */
export function unifiedDiff(name, before, after, context = 3) {
  const hunks = unifiedDiffHunks(before, after, context);
  return hunks.length === 0 ? '' : [`--- a/${name}`, `+++ b/${name}`, ...hunks].join('\n');
}
