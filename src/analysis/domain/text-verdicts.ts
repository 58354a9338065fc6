/**
 * The verdicts of a pure check of a value's text, kept for the texts a file repeats: one referer
 * written at thousands of sites is parsed as a URL once, not once per site and rule. Bounded in
 * entries (the oldest goes first) and in text length (a long text is checked every time).
 */
const ENTRIES = 256;
const LONGEST_KEPT = 2_048;

export function byText<T>(check: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (text.length > LONGEST_KEPT) return check(text);
    if (known.has(text)) return known.get(text)!;
    const verdict = check(text);
    if (known.size >= ENTRIES) known.delete(known.keys().next().value!);
    known.set(text, verdict);
    return verdict;
  };
}
