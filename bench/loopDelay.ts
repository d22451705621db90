import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * How late the event loop ran, from Node's sampler. The sampler records the
 * time between its samples, its own interval included: an idle loop reads
 * 5 ms at a 5 ms resolution. The delay is what exceeds the interval.
 */
export function watchLoopDelay(resolutionMs: number) {
  const histogram = monitorEventLoopDelay({ resolution: resolutionMs });
  const delayMs = (ns: number) => Math.max(0, ns / 1e6 - resolutionMs);
  return {
    enable: () => histogram.enable(),
    disable: () => histogram.disable(),
    reset: () => histogram.reset(),
    p99Ms: () => delayMs(histogram.percentile(99)),
    maxMs: () => delayMs(histogram.max),
  };
}
