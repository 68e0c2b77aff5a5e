// Reading a process's settings from the environment, for the database, worker and server configurations
// alike: each variable declared once in a TypeBox schema (default, type, bounds), and every problem
// collected, so a misconfigured deployment hears of all of them in one start instead of one per restart.
import type { Static, TObject } from 'typebox';
import Value from 'typebox/value';

/** One or more settings are wrong or missing; `problems` names each variable and what it needs. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} settings need attention:\n- ${problems.join('\n- ')}`);
    this.problems = problems;
  }
}

/** The schema's variables from `source` (unset or empty: the default), and what is wrong with them. */
export function parseEnvironment<S extends TObject>(schema: S, source: NodeJS.ProcessEnv): { env: Static<S>; problems: string[] } {
  const problems = new Map<string, string>();
  const known: Record<string, string> = {};
  for (const [key, property] of Object.entries(schema.properties) as [string, { type?: string }][]) {
    const value = source[key];
    if (value === undefined || value === '') continue;
    // TypeBox's conversion would take "2.5" as 2: a whole number is written as one.
    if (property.type === 'integer' && !/^[+-]?\d+$/.test(value.trim())) problems.set(key, `${key}: must be a whole number, got "${value}"`);
    else known[key] = value;
  }
  const env = Value.Convert(schema, Value.Default(schema, known)) as Static<S>;
  for (const error of Value.Errors(schema, env)) {
    const name = error.instancePath.replace(/^\//, '') || Object.keys(schema.properties).find((key) => error.message.includes(key)) || 'environment';
    if (!problems.has(name)) problems.set(name, `${name}: ${error.message}${source[name] === undefined ? '' : `, got "${source[name]}"`}`);
  }
  return { env, problems: [...problems.values()] };
}

/** Production needs these set; a problem for each that is not. */
export function requiredInProduction(source: NodeJS.ProcessEnv, names: readonly string[]): string[] {
  if (source.NODE_ENV !== 'production') return [];
  return names.filter((name) => !source[name]).map((name) => `${name} is required when NODE_ENV=production`);
}

/** Throws one ConfigError listing every problem, if there are any. */
export function refuseProblems(problems: string[]): void {
  if (problems.length) throw new ConfigError(problems);
}

/** Runs each reader; throws one ConfigError with the problems of all of them, or returns their results. */
export function readAll<T extends unknown[]>(...readers: { [K in keyof T]: () => T[K] }): T {
  const problems: string[] = [];
  const results = readers.map((read) => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  });
  refuseProblems([...new Set(problems)]);
  return results as T;
}
