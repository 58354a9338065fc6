export interface HostileInput {
  code: string;
  /** `client.ts` (typescript-eslint) unless said; `client.js` parses with espree. */
  filename?: string;
  settings?: unknown;
}

export interface HostileCase {
  name: string;
  class: string;
  make(scale: number): HostileInput;
}

export declare const HOSTILE_CASES: readonly HostileCase[];
export declare function seededRandom(seed: number): () => number;
export declare function fuzzedProgram(random: () => number, size: number): string;
