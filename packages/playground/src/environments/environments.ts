import * as v from "valibot";
import { DEFAULT_PROXY_URL, HttpUrl } from "../shell/settings.js";

/** A named proxy URL and caller key: the local stack, staging, production... */
export const EnvironmentSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(60)),
  proxyUrl: HttpUrl,
  callerKey: v.pipe(v.string(), v.maxLength(4096)),
});

/** One environment. */
export type Environment = v.InferOutput<typeof EnvironmentSchema>;

/** Every environment and which one is in use; persisted in localStorage. */
export const EnvironmentsSchema = v.object({
  active: v.string(),
  list: v.pipe(
    v.array(v.fallback(v.nullable(EnvironmentSchema), null)),
    v.transform((list) => list.filter((item): item is Environment => item !== null)),
  ),
});

/** The environments state. */
export type Environments = v.InferOutput<typeof EnvironmentsSchema>;

/** The local stack of `npm start`, always offered first. */
export function localEnvironment(proxyUrl: string = DEFAULT_PROXY_URL): Environment {
  return { id: "local", name: "Local stack", proxyUrl, callerKey: "dev-caller-key" };
}

/** Reads stored environments; anything unreadable gives the local stack alone, never an exception. */
export function readEnvironments(
  stored: unknown,
  current: { proxyUrl: string; callerKey: string },
): Environments {
  const parsed = v.safeParse(EnvironmentsSchema, stored);
  if (parsed.success && parsed.output.list.length > 0) {
    const { list, active } = parsed.output;
    return { list, active: list.some((env) => env.id === active) ? active : (list[0]?.id ?? "local") };
  }
  return { active: "local", list: [{ ...localEnvironment(current.proxyUrl), callerKey: current.callerKey }] };
}

/** The active environment. */
export function activeEnvironment(state: Environments): Environment | undefined {
  return state.list.find((env) => env.id === state.active);
}

/** Adds an environment (a fresh id) and makes it active. */
export function addEnvironment(state: Environments, env: Omit<Environment, "id">, id: string): Environments {
  return { active: id, list: [...state.list, { ...env, id }] };
}

/** Changes fields of one environment. */
export function updateEnvironment(
  state: Environments,
  id: string,
  patch: Partial<Omit<Environment, "id">>,
): Environments {
  return { ...state, list: state.list.map((env) => (env.id === id ? { ...env, ...patch } : env)) };
}

/** Removes one environment; the last one cannot be removed. The active one falls back to the first left. */
export function removeEnvironment(state: Environments, id: string): Environments {
  const list = state.list.filter((env) => env.id !== id);
  if (list.length === 0) return state;
  return { list, active: state.active === id ? (list[0]?.id ?? "local") : state.active };
}

/**
 * The environments as a shareable JSON file: names and proxy URLs only, never a caller key (each user sets
 * their own).
 */
export function exportEnvironments(state: Environments): string {
  return `${JSON.stringify(
    {
      format: "liveness-kit-playground-environments",
      version: 1,
      environments: state.list.map(({ name, proxyUrl }) => ({ name, proxyUrl })),
    },
    null,
    2,
  )}\n`;
}
