import { z } from 'zod';

// The benchmarks' own knobs (the server's configuration stays in config/env.ts). A bad value stops
// the run before anything is seeded or started, naming the variable.
const schema = z.object({
  BENCH_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  BENCH_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54330),
  /** Seconds of load per query and server (split into alternating slices), after a warm-up of up to 2 s. */
  BENCH_SECONDS: z.coerce.number().positive().max(3600).default(10),
  /** Fraction (or multiple) of the DESIGN.md §7 dataset: 0.01 seeds 100 accounts for a quick check. */
  BENCH_SCALE: z.coerce.number().positive().max(10).default(1),
  /** Repeats the whole measurement (all queries, all servers) this many times in one invocation. */
  BENCH_RUNS: z.coerce.number().int().min(1).max(20).default(1),
  /** A folder for a CPU profile of the Converge process under load (node --cpu-prof), written when the bench ends. */
  BENCH_CPU_PROF: z.string().optional(),
  BENCH_FEED_MUTATIONS: z.coerce.number().int().min(1).max(1_000_000).default(1000),
});

export type BenchConfig = z.infer<typeof schema>;

export class BenchConfigError extends Error {}

export function benchConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    throw new BenchConfigError(`Invalid benchmark configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
