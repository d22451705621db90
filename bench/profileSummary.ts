import fs from 'node:fs';
import path from 'node:path';

/**
 * `node --import tsx bench/profileSummary.ts <file.cpuprofile or folder> [top]`:
 * the functions a V8 CPU profile (from BENCH_PROFILE=1) spent the most self
 * time in, and the time by package, to see where a relay's time goes. Given
 * a folder, it reads the largest profile in it (the main thread's).
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function where(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const root = path.resolve(import.meta.dirname, '..');
  const file = url.replace(/^file:\/\//, '');
  return file.startsWith(root) ? path.relative(root, file) : file || '(native)';
}

function packageOf(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules < 0) return url.startsWith('node:') || url === '' ? '(node / native)' : url.includes('/bench/') ? 'bench' : 'project';
  const parts = url.slice(modules + 'node_modules/'.length).split('/');
  return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

function summarize(file: string, top: number): void {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = profile.endTime - profile.startTime;
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const name = `${functionName || '(anonymous)'}  ${where(url)}:${lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
    const pkg = functionName === '(idle)' ? '(idle)' : functionName === '(garbage collector)' ? '(gc)' : packageOf(url);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
  }
  const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
  console.log(`${path.basename(file)}: ${(total / 1e6).toFixed(1)} s profiled`);
  console.log('  by package:');
  for (const [name, us] of [...packages].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${pct(us)}  ${name}`);
  console.log(`  top ${top} functions by self time:`);
  for (const [name, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(us)}  ${name}`);
}

function largestIn(dir: string): string {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(dir, f));
  const largest = files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
  if (!largest) throw new Error(`no .cpuprofile in ${dir}`);
  return largest;
}

const [target, top] = process.argv.slice(2);
if (!target) {
  console.error('usage: node --import tsx bench/profileSummary.ts <file.cpuprofile or folder> [top]');
  process.exit(2);
}
summarize(fs.statSync(target).isDirectory() ? largestIn(target) : target, Number(top ?? 25));
