// Reads a V8 CPU profile (`npm run bench -- --profile DIR` writes one per server and worker process) and
// prints where the busy time went: by package or part of Node, then the functions with the most self time,
// and with --tree the call tree (each branch's time with everything it called).
// A bench run's profile covers start-up, sign-ins and every scenario: --timeline prints the busy
// milliseconds of each second, so --from and --to can keep one scenario's seconds.
// Usage: node bench/read-profile.ts FILE.cpuprofile [--top 30] [--timeline] [--from S] [--to S] [--tree DEPTH] [--min PERCENT]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: a package, a part of Node, the project, or V8's own work. */
function placeOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : `(native) ${functionName}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return url.replace(/^node:(internal\/)?/, 'node:').split('/')[0];
  return url.replace(/^file:\/\/.*?\/(server|worker|db|bench)\//, '$1/');
}

const nameOf = (frame: ProfileNode['callFrame']) =>
  `${frame.functionName || '(anonymous)'} ${frame.url ? `${frame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/\/work\/[^/]+\//, '')}:${frame.lineNumber + 1}` : ''}`;

/** Self time per node within [from, to) seconds of the profile, and busy time per second of all of it. */
function readProfile(profile: Profile, from = 0, to = Infinity) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const isIdle = (id: number) => byId.get(id)?.callFrame.functionName === '(idle)';
  const self = new Map<number, number>();
  const timeline: number[] = [];
  let at = 0;
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    at += ms;
    const second = Math.floor(at / 1000);
    if (!isIdle(id)) timeline[second] = (timeline[second] ?? 0) + ms;
    if (at < from * 1000 || at >= to * 1000) return;
    total += ms;
    self.set(id, (self.get(id) ?? 0) + ms);
  });
  const idle = [...self].filter(([id]) => isIdle(id)).reduce((sum, [, ms]) => sum + ms, 0);
  const places = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, ms] of self) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') continue;
    places.set(placeOf(frame), (places.get(placeOf(frame)) ?? 0) + ms);
    functions.set(nameOf(frame), (functions.get(nameOf(frame)) ?? 0) + ms);
  }
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]);
  return { byId, self, timeline, total, busy: total - idle, places: sorted(places), functions: sorted(functions) };
}

/** The call tree's lines: each node's time with its callees, down to `depth`, branches of at least `min` % of busy. */
function treeLines({ byId, self, busy }: ReturnType<typeof readProfile>, root: number, depth: number, min: number): string[] {
  const inclusive = new Map<number, number>();
  const timeOf = (id: number): number => {
    const known = inclusive.get(id);
    if (known !== undefined) return known;
    const frame = byId.get(id)!;
    const ms = (frame.callFrame.functionName === '(idle)' ? 0 : (self.get(id) ?? 0)) + (frame.children ?? []).reduce((sum, child) => sum + timeOf(child), 0);
    inclusive.set(id, ms);
    return ms;
  };
  const lines: string[] = [];
  const walk = (id: number, level: number) => {
    const share = (timeOf(id) / busy) * 100;
    if (share < min) return;
    lines.push(`${'  '.repeat(level)}${share.toFixed(1)}%  ${nameOf(byId.get(id)!.callFrame)}`);
    if (level < depth) for (const child of [...(byId.get(id)!.children ?? [])].sort((a, b) => timeOf(b) - timeOf(a))) walk(child, level + 1);
  };
  walk(root, 0);
  return lines;
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      top: { type: 'string', default: '30' },
      timeline: { type: 'boolean', default: false },
      from: { type: 'string', default: '0' },
      to: { type: 'string' },
      tree: { type: 'string' },
      min: { type: 'string', default: '1' },
    },
  });
  const top = Number(values.top);
  for (const file of positionals) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
    const read = readProfile(profile, Number(values.from), values.to === undefined ? Infinity : Number(values.to));
    const { total, busy, places, functions, timeline } = read;
    const share = (ms: number) => `${((ms / busy) * 100).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(7)} ms`;
    console.log(`${file}: ${busy.toFixed(0)} ms busy of ${total.toFixed(0)} ms profiled`);
    if (values.timeline) console.log(`\nbusy ms per second: ${Array.from(timeline, (ms, second) => `${second}:${(ms ?? 0).toFixed(0)}`).join(' ')}`);
    console.log('\nby place (self time, share of busy)');
    for (const [place, ms] of places.slice(0, top)) console.log(`${share(ms)}  ${place}`);
    console.log('\nby function');
    for (const [name, ms] of functions.slice(0, top)) console.log(`${share(ms)}  ${name}`);
    if (values.tree !== undefined) {
      console.log('\ncall tree (with callees, share of busy)');
      for (const line of treeLines(read, profile.nodes[0].id, Number(values.tree), Number(values.min))) console.log(line);
    }
  }
}
