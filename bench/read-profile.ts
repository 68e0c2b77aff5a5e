// Reads a V8 CPU profile (`npm run bench -- --profile DIR` writes one per server and worker process) and
// prints where the busy time went: by package or part of Node, then the functions with the most self time.
// Usage: node bench/read-profile.ts FILE.cpuprofile [--top 30]
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

function readProfile(profile: Profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = [...self].filter(([id]) => byId.get(id)?.callFrame.functionName === '(idle)').reduce((a, [, ms]) => a + ms, 0);
  const places = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, ms] of self) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') continue;
    places.set(placeOf(frame), (places.get(placeOf(frame)) ?? 0) + ms);
    const name = `${frame.functionName || '(anonymous)'} ${frame.url ? `${frame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/\/work\/[^/]+\//, '')}:${frame.lineNumber + 1}` : ''}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
  }
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]);
  return { total, busy: total - idle, places: sorted(places), functions: sorted(functions) };
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '30' } } });
  const top = Number(values.top);
  for (const file of positionals) {
    const { total, busy, places, functions } = readProfile(JSON.parse(readFileSync(file, 'utf8')) as Profile);
    const share = (ms: number) => `${((ms / busy) * 100).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(7)} ms`;
    console.log(`${file}: ${busy.toFixed(0)} ms busy of ${total.toFixed(0)} ms profiled\n\nby place (self time, share of busy)`);
    for (const [place, ms] of places.slice(0, top)) console.log(`${share(ms)}  ${place}`);
    console.log('\nby function');
    for (const [name, ms] of functions.slice(0, top)) console.log(`${share(ms)}  ${name}`);
  }
}
