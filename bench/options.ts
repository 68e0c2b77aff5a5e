// What `npm run bench` was asked to do. Flags come from the command line (`npm run bench -- --scale 10k`)
// or, because npm keeps unknown flags before `--` for itself, from npm's config variables
// (`npm run bench --quick` arrives as npm_config_quick=true).
import path from 'node:path';
import { parseArgs } from 'node:util';

export interface Scale {
  /** As written on the command line and in BENCHMARKS.md: 10k, 100k, 1m. */
  label: string;
  organizations: number;
  usersPerOrganization: number;
  tasksPerOrganization: number;
  teamsPerOrganization: number;
}

export interface BenchOptions {
  scale: Scale;
  quick: boolean;
  /** Seconds of measured load per scenario and concurrency (after a warm-up of its own). */
  seconds: number;
  warmupSeconds: number;
  concurrencies: number[];
  /** Directory for the server's and worker's V8 CPU profiles (`--profile`), or undefined. */
  profileDir: string | undefined;
  /** Which groups of figures to measure (`--only page,create`); all by default. */
  only: Set<Scenario>;
}

const SCENARIOS = ['page', 'create', 'auth', 'permission', 'isolation', 'realtime', 'processes', 'drain'] as const;
type Scenario = (typeof SCENARIOS)[number];

const ORGANIZATIONS = 100;

/** `10k`, `250k`, `1m` or a plain number: total tasks, spread over 100 organizations of 10 users. */
function parseScale(text: string): Scale {
  const match = /^(\d+)([km]?)$/i.exec(text.trim());
  if (!match) throw new Error(`--scale must look like 10k, 100k or 1m, got "${text}"`);
  const total = Number(match[1]) * { '': 1, k: 1_000, m: 1_000_000 }[match[2].toLowerCase() as '' | 'k' | 'm'];
  if (total < 10_000 || total > 1_000_000) throw new Error(`--scale must be between 10k and 1m tasks, got ${text}`);
  return {
    label: text.trim().toLowerCase(),
    organizations: ORGANIZATIONS,
    usersPerOrganization: 10,
    tasksPerOrganization: Math.round(total / ORGANIZATIONS),
    teamsPerOrganization: 5,
  };
}

export function readOptions(argv = process.argv.slice(2), env = process.env): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string' },
      quick: { type: 'boolean' },
      seconds: { type: 'string' },
      concurrency: { type: 'string' },
      profile: { type: 'string' },
      only: { type: 'string' },
    },
  });
  const quick = values.quick ?? env.npm_config_quick === 'true';
  const scale = parseScale(values.scale ?? env.npm_config_scale ?? (quick ? '10k' : '1m'));
  const seconds = Number(values.seconds ?? env.npm_config_seconds ?? (quick ? 2 : 15));
  if (!(seconds > 0)) throw new Error('--seconds must be a positive number');
  const concurrencies = (values.concurrency ?? env.npm_config_concurrency ?? '1,8,32,100').split(',').map(Number);
  if (concurrencies.some((c) => !Number.isInteger(c) || c < 1)) throw new Error('--concurrency takes positive integers, e.g. 1,8,32');
  const profile = values.profile ?? env.npm_config_profile;
  const only = (values.only ?? env.npm_config_only ?? SCENARIOS.join(',')).split(',');
  const unknown = only.find((name) => !(SCENARIOS as readonly string[]).includes(name));
  if (unknown) throw new Error(`--only takes ${SCENARIOS.join(', ')}; got "${unknown}"`);
  return {
    scale,
    quick,
    seconds,
    warmupSeconds: quick ? 1 : 3,
    concurrencies,
    profileDir: profile ? path.resolve(profile) : undefined,
    only: new Set(only as Scenario[]),
  };
}
