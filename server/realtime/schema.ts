// `subscription { taskChanged { event rowId task { … } } }` (API.md §6). The stream comes from the
// subscriber's own connection (context `rowgateTaskEvents`, task-events.ts), which has already dropped
// what the subscriber may not see; each delivered event is then planned like any query, the task read
// by PostGraphile under the subscriber's settings (null for DELETED: the row is gone). Subscriptions that
// select only the task's own columns take a shorter way (shared-delivery.ts).
import { access, constant, context, listen } from 'postgraphile/grafast';
import { extendSchema, gql } from 'postgraphile/utils';

/**
 * The fields of `Task` that are the row's own columns (and its Node id): the same for everyone who may
 * read the row, so one read serves every subscriber (shared-delivery.ts). Filled at each schema build.
 */
export const TASK_COLUMN_FIELDS = new Set<string>();

export const TaskChangedPlugin = extendSchema((build) => {
  const tasks = build.input.pgRegistry.pgResources.tasks;
  TASK_COLUMN_FIELDS.clear();
  TASK_COLUMN_FIELDS.add('id').add('__typename');
  for (const attributeName of Object.keys(tasks.codec.attributes)) {
    TASK_COLUMN_FIELDS.add(build.inflection.attribute({ attributeName, codec: tasks.codec }));
  }
  return {
    typeDefs: gql`
      """
      What happened to a task.
      """
      enum TaskChangeEvent {
        CREATED
        UPDATED
        DELETED
      }

      """
      One committed change of a task you may read.
      """
      type TaskChange {
        event: TaskChangeEvent!
        """
        The task's id.
        """
        rowId: UUID!
        """
        The task as you may read it now; null when it was deleted.
        """
        task: Task
      }

      extend type Subscription {
        """
        Every committed insert, update and delete of a task in the organization named by x-organization-id
        in connection_init, in commit order, for as long as you may read them.
        """
        taskChanged: TaskChange!
      }
    `,
    objects: {
      Subscription: {
        plans: {
          taskChanged: {
            subscribePlan() {
              return listen(context().get('rowgateTaskEvents' as never), constant('taskChanged'));
            },
            plan($event) {
              return $event;
            },
          },
        },
      },
      TaskChange: {
        plans: {
          event: ($event) => access($event, 'event'),
          rowId: ($event) => access($event, 'rowId'),
          task: ($event) => tasks.get({ id: access($event, 'rowId') }),
        },
      },
    },
  };
});
