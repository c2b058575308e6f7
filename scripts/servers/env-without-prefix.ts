/**
 * A copy of `env` without the variables whose names start with `prefix`. Used to keep configuration meant for our
 * own processes (TEMPORAL_ADDRESS for the worker, FERRETDB_* left over in a shell) away from the servers we start,
 * which would read it as their own.
 */
export function envWithoutPrefix(prefix: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith(prefix)));
}
