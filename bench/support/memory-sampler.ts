/** This process's memory now, and the highest resident size seen by a 1 Hz sampler since `startPeakSampler`. */
export interface MemorySample {
  rss: number;
  heapUsed: number;
}

export function memoryNow(): MemorySample {
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}

export function startPeakSampler(): { peakRss(): number; stop(): void } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 1000);
  timer.unref();
  return { peakRss: () => Math.max(peak, process.memoryUsage.rss()), stop: () => clearInterval(timer) };
}
