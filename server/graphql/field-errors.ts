// Which input field a refused value belongs to, and what to tell the person who typed it: read once, at
// start, from the constraints of app_public. A check constraint's comment is its message (migration
// 000015 writes them), with an `@field name` line where the field is not its first column; unique and
// foreign keys name the field by their last column other than organization_id (which is never typed).
import type pg from 'pg';

export interface FieldError {
  field: string | undefined;
  message: string | undefined;
}

/** `depends_on_task_id` → `dependsOnTaskId`, as PostGraphile's inflection names attributes. */
const camel = (column: string) => column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** `team_id` → `team`, for "no such team". */
const noun = (column: string) => column.replace(/_id$/, '').replace(/^depends_on_/, '').replace(/_/g, ' ');

export type ConstraintLookup = (error: { code?: string; constraint?: string; column?: string }) => FieldError | undefined;

export async function loadConstraintLookup(pool: pg.Pool): Promise<ConstraintLookup> {
  const { rows } = await pool.query<{ name: string; kind: string; comment: string | null; columns: string[] }>(
    `select c.conname as name, c.contype as kind, obj_description(c.oid, 'pg_constraint') as comment,
            array(select a.attname::text from unnest(c.conkey) with ordinality k(attnum, n)
                  join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.n) as columns
     from pg_constraint c
     where c.connamespace = 'app_public'::regnamespace and c.contype in ('c', 'u', 'f')
     union all
     -- Unique indexes that are no constraint (users_email_key, on lower(email)).
     select i.relname, 'u', null, array(select a.attname::text from pg_attribute a where a.attrelid = x.indrelid and a.attnum = any(x.indkey))
     from pg_index x join pg_class i on i.oid = x.indexrelid
     where x.indisunique and i.relnamespace = 'app_public'::regnamespace
       and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)`,
  );
  const byName = new Map<string, FieldError>();
  for (const { name, kind, comment, columns } of rows) {
    const tagged = /^@field (\w+)$/m.exec(comment ?? '')?.[1];
    const typed = columns.filter((column) => column !== 'organization_id');
    const last = typed.at(-1);
    const message =
      kind === 'c'
        ? comment?.split('\n').filter((line) => !line.startsWith('@')).join(' ').trim() || undefined
        : kind === 'u'
          ? `This ${last ? noun(last) : 'value'} is already taken`
          : last && `No such ${noun(last)} in this organization`;
    byName.set(name, { field: tagged ?? (kind === 'c' ? columns[0] && camel(columns[0]) : last && camel(last)), message });
  }
  // Raised by rowgate's own triggers rather than constraints.
  const raised: Record<string, FieldError> = {
    RG422: { field: 'permissions', message: undefined },
    RGCYC: { field: 'dependsOnTaskId', message: undefined },
  };
  return (error) => {
    if (error.code && raised[error.code]) return raised[error.code];
    if (error.constraint) return byName.get(error.constraint);
    // Not null: PostgreSQL names the column.
    if (error.code === '23502' && error.column) return { field: camel(error.column), message: `${camel(error.column)} is required` };
    return undefined;
  };
}
