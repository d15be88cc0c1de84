declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseUrl: string;
    /** Tries per endpoint for the security fuzzer (SECURITY_FUZZ_RUNS). */
    fuzzRuns: number;
    /** Added to the cluster suite's ports (CLUSTER_PORT_OFFSET). */
    clusterPortOffset: number;
  }
}
export {};
