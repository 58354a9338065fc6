export interface EndpointFact {
  readonly path: string;
  readonly methods: readonly string[];
  readonly tokens: boolean;
}
export declare function endpointFacts(spec: unknown): EndpointFact[];
