import type { ClientRow } from '../../src/analysis/clients/rows.js';

export declare const BEGIN_MARKER: string;
export declare const END_MARKER: string;
export declare const UPDATE_COMMAND: string;
export declare function renderClientTable(rows: readonly ClientRow[]): string;
export declare function withClientTable(text: string, rows: readonly ClientRow[]): string | null;
export declare function clientTableProblem(name: string, text: string, rows: readonly ClientRow[]): string | null;
