// Realtime: event latency (commit → message at the subscriber), the messages delivered per second and
// missed, the statements that decided who sees each event, and the server's and PostgreSQL's CPU per
// event, for two shapes: subscribers spread over the organizations (one per organization, then the next),
// and subscribers all in one organization of 1,000 members (the team). Subscribers are graphql-ws clients
// in this process, each signed in as a different user; a writer inserts tasks at a steady rate into the
// subscribers' organizations, as the superuser (so the server's CPU is the subscribers' alone), and notes
// when each insert committed.
import pg from 'pg';
import * as hdr from 'hdr-histogram-js';
import { subscriber, type Subscriber } from '../test/support/realtime.ts';
import type { CpuClock } from './cpu.ts';
import type { Identity } from './stack.ts';

export interface RealtimeResult {
  /** `spread` over the organizations, or all in the `team`. */
  shape: 'spread' | 'team';
  subscribers: number;
  writesPerSecond: number;
  /** Tasks inserted, and messages the subscribers received for them. */
  events: number;
  delivered: number;
  /** Messages the subscribers of an event's organization should have received but did not. */
  missed: number;
  p50: number;
  p95: number;
  p99: number;
  deliveredPerSecond: number;
  /** Server CPU milliseconds per delivered message. */
  serverCpuPerDelivery: number;
  /** Server and PostgreSQL CPU milliseconds per event (task written). */
  serverCpuPerEvent: number;
  postgresCpuPerEvent: number;
  /** Statements deciding who sees events (rowgate_realtime_checks_total), per event. */
  checksPerEvent: number;
}

/** `n` identities, taking one organization after another so that they spread over all of them. */
export function spread(identities: Identity[], n: number): Identity[] {
  const byOrganization = new Map<string, Identity[]>();
  for (const identity of identities) byOrganization.set(identity.organizationId, [...(byOrganization.get(identity.organizationId) ?? []), identity]);
  const queues = [...byOrganization.values()];
  const chosen: Identity[] = [];
  for (let round = 0; chosen.length < n && round < 100; round++) {
    for (const queue of queues) if (chosen.length < n && queue[round]) chosen.push(queue[round]);
  }
  return chosen;
}

export interface RealtimeRun {
  shape: RealtimeResult['shape'];
  /** The subscribers, each a different signed-in user. */
  chosen: Identity[];
  writesPerSecond: number;
  seconds: number;
  cpu: CpuClock;
  /** The server's rowgate_realtime_checks_total. */
  checks(): Promise<number>;
}

export async function realtimeLatency(origin: string, adminUrl: string, { shape, chosen, writesPerSecond, seconds, cpu, checks }: RealtimeRun): Promise<RealtimeResult> {
  const committedAt = new Map<string, number>();
  const histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 });
  let delivered = 0;
  const record = (milliseconds: number) => {
    histogram.recordValue(Math.max(1, Math.round(milliseconds * 1000)));
    delivered++;
  };
  const early = new Map<string, number>();
  const subscribers: Subscriber[] = [];
  for (let i = 0; i < chosen.length; i += 50) {
    subscribers.push(
      ...(await Promise.all(
        chosen.slice(i, i + 50).map((identity) =>
          subscriber(origin, identity.accessToken, identity.organizationId, {
            onMessage: (message) => {
              if (message.event !== 'CREATED') return;
              const at = committedAt.get(message.rowId);
              // Faster than the writer's own acknowledgement of its commit: counted as it lands there.
              if (at === undefined) early.set(message.rowId, (early.get(message.rowId) ?? 0) + 1);
              else record(performance.now() - at);
            },
          }),
        ),
      )),
    );
  }
  const refused = subscribers.filter((s) => s.close);
  if (refused.length) throw new Error(`${refused.length} subscribers were refused: ${JSON.stringify(refused[0].close)}`);
  const organizations = [...new Set(chosen.map((identity) => identity.organizationId))];
  const listeners = new Map<string, number>();
  for (const identity of chosen) listeners.set(identity.organizationId, (listeners.get(identity.organizationId) ?? 0) + 1);

  const writer = new pg.Client({ connectionString: adminUrl });
  await writer.connect();
  let expected = 0;
  let events = 0;
  try {
    const measure = cpu();
    const checksBefore = await checks();
    const started = performance.now();
    const end = started + seconds * 1000;
    for (let next = started; next < end; next += 1000 / writesPerSecond) {
      const wait = next - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const organization = organizations[events % organizations.length];
      const { rows } = await writer.query<{ id: string }>(`insert into app_public.tasks (organization_id, title) values ($1, 'bench realtime') returning id`, [organization]);
      committedAt.set(rows[0].id, performance.now());
      for (let i = early.get(rows[0].id) ?? 0; i > 0; i--) record(0);
      expected += listeners.get(organization)!;
      events++;
    }
    // The last events' messages are still on their way.
    const deadline = performance.now() + 10_000;
    while (delivered < expected && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const elapsed = (performance.now() - started) / 1000;
    const spent = measure();
    const checked = (await checks()) - checksBefore;
    const at = (percentile: number) => histogram.getValueAtPercentile(percentile) / 1000;
    return {
      shape,
      subscribers: chosen.length,
      writesPerSecond,
      events,
      delivered,
      missed: expected - delivered,
      p50: at(50),
      p95: at(95),
      p99: at(99),
      deliveredPerSecond: delivered / elapsed,
      serverCpuPerDelivery: spent.server / Math.max(1, delivered),
      serverCpuPerEvent: spent.server / Math.max(1, events),
      postgresCpuPerEvent: spent.postgres / Math.max(1, events),
      checksPerEvent: checked / Math.max(1, events),
    };
  } finally {
    await writer.end();
    await Promise.all(subscribers.map((s) => s.dispose()));
  }
}
