/** Helpers shared by the benchmarks: timing, memory and side-by-side ratios. */

export interface Timing {
  label: string;
  seconds: number;
}

export function time<T>(label: string, work: () => T): { result: T; timing: Timing } {
  const started = performance.now();
  const result = work();
  return { result, timing: { label, seconds: (performance.now() - started) / 1000 } };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function formatRate(count: number, seconds: number, unit: string): string {
  return `${Math.round(count / seconds).toLocaleString('en-US')} ${unit}/s`;
}

export function printRow(columns: (string | number)[]): void {
  console.log(columns.map((c) => String(c).padEnd(22)).join(''));
}

export interface WallAndCpu {
  wall: number;
  cpu: number;
}

/** Wall and CPU seconds of one run: on a busy machine the CPU time is the steadier figure. */
export function wallAndCpu(work: () => unknown): WallAndCpu {
  const cpuBefore = process.cpuUsage();
  const { timing } = time('run', work);
  const cpu = process.cpuUsage(cpuBefore);
  return { wall: timing.seconds, cpu: (cpu.user + cpu.system) / 1e6 };
}

/** "min / median" of repeated measurements, as every benchmark prints them. */
export function minAndMedian(values: number[], digits = 2): string {
  return `${Math.min(...values).toFixed(digits)} / ${median(values).toFixed(digits)}`;
}

/** The whole benchmark process: its wall time, CPU time and peak resident memory so far. */
export function wholeProcess(): string {
  const usage = process.resourceUsage();
  const cpu = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  return `whole process: ${process.uptime().toFixed(1)} s wall, ${cpu.toFixed(1)} s CPU, peak RSS ${(usage.maxRSS / 1024).toFixed(0)} MB`;
}
