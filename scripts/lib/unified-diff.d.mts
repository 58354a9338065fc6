export declare function unifiedDiffHunks(before: string, after: string, context?: number): string[];
export declare function unifiedDiff(name: string, before: string, after: string, context?: number): string;
