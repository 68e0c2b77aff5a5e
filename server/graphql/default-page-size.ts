// A connection asked for without `first` or `last` returns one page of the default size, not every row:
// PostGraphile would fetch the whole collection, and a nested connection once per parent row.
//
// PostGraphile applies `first` and `last` through their arguments' applyPlan, which grafast runs only for
// arguments that are present, so nothing would run for the absent case. Here the field's own plan sets
// both instead: `first` becomes `first ?? (last == null ? pageSize : null)`. The values are judged when
// the request runs, so a `$first` variable left unset gets the default too.
import { lambda, type ConnectionStep, type FieldArgs, type FieldInfo } from 'postgraphile/grafast';

export function makeDefaultPageSizePlugin(pageSize: number): GraphileConfig.Plugin {
  return {
    name: 'RowgateDefaultPageSizePlugin',
    version: '1.0.0',
    after: ['PgFirstLastBeforeAfterArgsPlugin'],
    schema: {
      hooks: {
        GraphQLObjectType_fields_field(field, _build, { scope }) {
          const plan = field.plan;
          if (!scope.isPgFieldConnection || !plan) return field;
          return {
            ...field,
            plan($parent: any, fieldArgs: FieldArgs, info: FieldInfo) {
              const $connection = plan($parent, fieldArgs, info) as ConnectionStep<any, any, any, any>;
              const has = (name: string) => info.field.args.some((arg) => arg.name === name);
              if (!has('first')) return $connection;
              const $first = fieldArgs.getRaw('first');
              const $last = has('last') ? fieldArgs.getRaw('last') : undefined;
              if ($last) $connection.setLast($last);
              $connection.setFirst(
                lambda($last ? [$first, $last] : [$first], ([first, last]) => first ?? (last == null ? pageSize : null), true),
              );
              return $connection;
            },
          };
        },
        // The plan above applies them; their own applyPlan would apply them a second time.
        GraphQLObjectType_fields_field_args(args, _build, { scope }) {
          if (!scope.isPgFieldConnection || !args.first) return args;
          const { first, last } = args;
          return { ...args, first: { ...first, applyPlan: undefined }, ...(last ? { last: { ...last, applyPlan: undefined } } : {}) };
        },
      },
    },
  };
}
