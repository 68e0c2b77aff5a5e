// Roles: each role's permissions as checkboxes over the catalog. roles:write edits and creates (the
// database refuses a permission the editor does not hold themself: PRIVILEGE_ESCALATION); roles:delete
// deletes (asking first); system roles are shown, never editable.
import { useState, type FormEvent } from 'react';
import { CreateRoleRowDocument, DeleteRoleRowDocument, RoleListDocument, UpdateRoleRowDocument, type RoleListQuery } from '../../../client/generated/graphql.ts';
import { useDocumentMutation, useDocumentQuery } from '../api/graphql.ts';
import { useCan } from '../components/organization.ts';
import { ConfirmedAction, ErrorMessage, Loading, TextField, attempt } from '../components/ui.tsx';

type Catalog = NonNullable<RoleListQuery['permissions']>['nodes'];
type Role = NonNullable<RoleListQuery['roles']>['nodes'][number];

export function RolesPage() {
  const can = useCan();
  const list = useDocumentQuery(RoleListDocument, {});
  const catalog: Catalog = list.data?.permissions?.nodes ?? [];
  return (
    <section>
      <h1>Roles</h1>
      {/* The form is below every role's permissions: the way to it comes first. */}
      {can('roles:write') && (
        <p>
          <button type="button" onClick={() => document.querySelector<HTMLInputElement>('#new-role input')?.focus()}>
            Create a role
          </button>
        </p>
      )}
      <ErrorMessage error={list.error} retry={list.refetch} />
      {!list.data && list.fetching && <Loading what="roles" />}
      {(list.data?.roles?.nodes ?? []).map((role) => (
        <RoleEditor key={role.rowId} role={role} catalog={catalog} onChanged={list.refetch} />
      ))}
      {can('roles:write') && <NewRole catalog={catalog} onCreated={list.refetch} />}
    </section>
  );
}

function Permissions({ catalog, selected, onToggle, disabled, legend }: { catalog: Catalog; selected: ReadonlySet<string>; onToggle(name: string): void; disabled: boolean; legend: string }) {
  return (
    <fieldset className="permissions" disabled={disabled}>
      <legend>{legend}</legend>
      {catalog.map((permission) => (
        <label key={permission.name} title={permission.description}>
          <input type="checkbox" checked={selected.has(permission.name)} onChange={() => onToggle(permission.name)} />
          {permission.name}
        </label>
      ))}
    </fieldset>
  );
}

/** A role's permissions as the catalog's names (`*` and `tasks:*` expanded, as they grant). */
function expand(permissions: readonly string[], catalog: Catalog): Set<string> {
  return new Set(catalog.map((p) => p.name).filter((name) => permissions.some((held) => held === '*' || held === name || held === `${name.split(':')[0]}:*`)));
}

function toggle(set: ReadonlySet<string>, name: string): Set<string> {
  const next = new Set(set);
  if (!next.delete(name)) next.add(name);
  return next;
}

function RoleEditor({ role, catalog, onChanged }: { role: Role; catalog: Catalog; onChanged(): void }) {
  const can = useCan();
  const [selected, setSelected] = useState<Set<string>>();
  const [error, setError] = useState<Error>();
  const [update, saving] = useDocumentMutation(UpdateRoleRowDocument);
  const [remove] = useDocumentMutation(DeleteRoleRowDocument);
  const editable = can('roles:write') && !role.isSystem;
  const shown = selected ?? expand(role.permissions, catalog);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (await attempt(() => update({ rowId: role.rowId, patch: { permissions: [...shown].sort() } }), setError)) {
      setSelected(undefined);
      onChanged();
    }
  };
  return (
    <form className="role" aria-label={`Role ${role.name}`} onSubmit={save}>
      <h2>
        {role.name}
        {role.isSystem && <span className="chip">system</span>}
      </h2>
      {role.description && <p>{role.description}</p>}
      <Permissions catalog={catalog} selected={shown} onToggle={(name) => setSelected(toggle(shown, name))} disabled={!editable} legend={`Permissions of ${role.name}`} />
      <ErrorMessage error={error} />
      <div className="actions">
        {editable && (
          <button type="submit" disabled={saving || !selected}>
            Save {role.name}
          </button>
        )}
        {can('roles:delete') && !role.isSystem && (
          <ConfirmedAction label={`Delete ${role.name}`} confirm={`Confirm deleting the role ${role.name}`} run={() => remove({ rowId: role.rowId })} onDone={onChanged} />
        )}
      </div>
    </form>
  );
}

function NewRole({ catalog, onCreated }: { catalog: Catalog; onCreated(): void }) {
  const [name, setName] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [error, setError] = useState<Error>();
  const [create, busy] = useDocumentMutation(CreateRoleRowDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await attempt(() => create({ role: { name, permissions: [...selected].sort() } }), setError)) {
      setName('');
      setSelected(new Set());
      onCreated();
    }
  };
  return (
    <form className="role" id="new-role" aria-label="New role" onSubmit={submit}>
      <h2>New role</h2>
      <TextField label="Role name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
      <Permissions catalog={catalog} selected={selected} onToggle={(p) => setSelected(toggle(selected, p))} disabled={false} legend="Permissions of the new role" />
      <ErrorMessage error={error} />
      <button type="submit" disabled={busy}>
        Create role
      </button>
    </form>
  );
}
