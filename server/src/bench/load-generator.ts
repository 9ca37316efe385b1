import autocannon from 'autocannon';

// The load generator, in a process of its own that holds nothing else. Run inside the benchmark's
// process, autocannon shared a heap with the seeded sizes, the expected answers and every slice so
// far: that process's garbage collections grew through a run and paused the generator in the middle
// of slices, which showed as tail latency of whichever server was being loaded.
//
// Messages: { ready: true } once it listens, then { id, options } in and { id, result } or
// { id, error } out. autocannon's per-slice results (with `skipAggregateResult`) keep their
// histograms encoded as text, so they cross the channel as they are. The process ends with its
// parent's channel, however the benchmark ends.

interface Job {
  id: number;
  options: autocannon.Options;
}

process.on('message', (job: Job) => {
  autocannon(job.options).then(
    (result) => process.send?.({ id: job.id, result }),
    (err: unknown) => process.send?.({ id: job.id, error: err instanceof Error ? err.message : String(err) }),
  );
});
process.on('disconnect', () => process.exit(0));
process.send?.({ ready: true });
