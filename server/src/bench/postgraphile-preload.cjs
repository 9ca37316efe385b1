'use strict';
// Preloaded (`node --require`) into the PostGraphile process the benchmark starts.

// PostGraphile 5 calls Promise.withResolvers, which Node only has from 22 on; without it every data
// field answers null on Node 20.
Promise.withResolvers ??= () => {
  let resolve, reject;
  const promise = new Promise((a, b) => {
    resolve = a;
    reject = b;
  });
  return { promise, resolve, reject };
};

// Forked by the benchmark with an IPC channel: end with it, however it ends.
process.once('disconnect', () => process.exit(0));
