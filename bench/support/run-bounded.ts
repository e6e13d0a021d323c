/**
 * Runs `task(0..count-1)` with at most `concurrency` in flight, as a busy API would call Temporal; returns each call's
 * duration in ms. The first failure stops the run.
 */
export async function runBounded(count: number, concurrency: number, task: (index: number) => Promise<unknown>): Promise<number[]> {
  const durations = new Array<number>(count);
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const index = next++;
      const started = performance.now();
      await task(index);
      durations[index] = performance.now() - started;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return durations;
}
