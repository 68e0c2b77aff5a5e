// One task in the table, with its Edit and Delete for who may; while edited, the row is its edit form.
// The focus stays where the user is: back on Edit after saving or cancelling, on a neighbour after a delete.
import { useRef } from 'react';
import { Link } from 'react-router';
import { DeleteTaskRowDocument, type TaskRowFragment } from '../../../../client/generated/graphql.ts';
import { useDocumentMutation } from '../../api/graphql.ts';
import { useEditing } from '../../components/editing.ts';
import { useCan } from '../../components/organization.ts';
import { ConfirmedAction, formatTime, type OptionPairs } from '../../components/ui.tsx';
import { label, PRIORITIES, StatusBadge } from '../task/labels.tsx';
import { EditTaskRow } from './EditTaskRow.tsx';

export function TaskRow({ task, people, teams, onChanged }: { task: TaskRowFragment; people: OptionPairs; teams: OptionPairs; onChanged(): void }) {
  const can = useCan();
  const { editing, editButton, start: startEditing, stop: stopEditing } = useEditing();
  const [remove] = useDocumentMutation(DeleteTaskRowDocument);
  const row = useRef<HTMLTableRowElement>(null);

  if (editing) {
    return (
      <EditTaskRow
        task={task}
        people={can('tasks:assign') ? people : []}
        teams={teams}
        onCancel={stopEditing}
        onSaved={() => {
          stopEditing();
          onChanged();
        }}
      />
    );
  }
  return (
    <tr data-task={task.rowId} ref={row}>
      <th scope="row">
        <Link to={`/tasks/${task.rowId}`}>{task.title}</Link>
      </th>
      <td>
        <StatusBadge status={task.status} />
      </td>
      <td>{label(PRIORITIES, task.priority)}</td>
      <td>{task.assignee?.name ?? '—'}</td>
      <td>{task.team?.name ?? '—'}</td>
      <td>
        <time dateTime={task.createdAt}>{formatTime(task.createdAt)}</time>
      </td>
      <td className="actions">
        {can('tasks:write') && (
          <button type="button" ref={editButton} className="secondary" onClick={startEditing} aria-label={`Edit ${task.title}`}>
            Edit
          </button>
        )}
        {can('tasks:delete') && (
          <ConfirmedAction
            label="Delete"
            name={`Delete ${task.title}`}
            confirm={`Confirm deleting ${task.title}`}
            run={() => remove({ rowId: task.rowId })}
            onDone={() => {
              focusAfterDeleting(row.current);
              onChanged();
            }}
          />
        )}
      </td>
    </tr>
  );
}

/** The row's task is gone: the focus goes to the next row's action, else the previous row's, else the heading. */
function focusAfterDeleting(row: HTMLTableRowElement | null) {
  const neighbour = row?.nextElementSibling ?? row?.previousElementSibling;
  (neighbour?.querySelector<HTMLElement>('td.actions button') ?? document.querySelector<HTMLElement>('main h1'))?.focus();
}
