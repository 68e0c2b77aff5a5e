// user_has_permission in SQL: many calls in one statement, so no round trip hides the cost. The same
// statement without the call is timed too and subtracted.
import type pg from 'pg';

export interface PermissionCost {
  calls: number;
  microsecondsPerCall: number;
  granted: number;
}

const PERMISSIONS = ['tasks:read', 'tasks:write', 'tasks:delete', 'roles:assign', 'audit:read'];
const REPEAT = 20;

export async function permissionCost(admin: pg.Client): Promise<PermissionCost> {
  await admin.query('begin');
  try {
    // Every (member, organization) pair of the dataset against a mix of permissions, some granted only
    // through '*' (Admins), some through an explicit grant, some not at all (Viewers writing).
    await admin.query(
      `create temp table probe on commit drop as
       select ur.user_id, ur.organization_id, p.name
       from app_public.user_roles ur, unnest($1::text[]) p(name), generate_series(1, ${REPEAT})
       order by random()`,
      [PERMISSIONS],
    );
    await admin.query('analyze probe');
    const time = async (expression: string) => {
      const samples: number[] = [];
      let counts = { n: 0, total: 0 };
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        const { rows } = await admin.query<{ n: number; total: number }>(`select count(*) filter (where ${expression})::int as n, count(*)::int as total from probe`);
        samples.push(performance.now() - started);
        counts = rows[0];
      }
      return { ms: samples.sort((a, b) => a - b)[1], ...counts };
    };
    const baseline = await time(`user_id is not null and organization_id is not null and name <> ''`);
    const measured = await time('app_public.user_has_permission(user_id, organization_id, name)');
    return {
      calls: measured.total,
      microsecondsPerCall: ((measured.ms - baseline.ms) * 1000) / measured.total,
      granted: measured.n / measured.total,
    };
  } finally {
    await admin.query('rollback');
  }
}
