import type { AppState } from "../shell/app-state.js";
import type { Command } from "../shell/commands.js";
import { downloadText } from "../shell/download.js";
import type { Store } from "../shell/store.js";
import {
  activeEnvironment,
  addEnvironment,
  type Environments,
  exportEnvironments,
  removeEnvironment,
  updateEnvironment,
} from "./environments.js";
import type { EnvironmentActions } from "./environments-view.js";

/** Switching, adding, renaming, deleting and exporting environments; switching sets the proxy URL and key. */
export function createEnvironmentActions(
  store: Store<AppState>,
  log: (message: string) => void,
): EnvironmentActions {
  const apply = (next: Environments) => {
    const env = activeEnvironment(next);
    store.set((state) => ({
      environments: next,
      ...(env ? { settings: { ...state.settings, proxyUrl: env.proxyUrl, callerKey: env.callerKey } } : {}),
    }));
  };
  return {
    switchTo: (id) => {
      apply({ ...store.get().environments, active: id });
      log(`Environment: ${activeEnvironment(store.get().environments)?.name ?? id}.`);
    },
    rename: (id, name) =>
      store.set((state) => ({ environments: updateEnvironment(state.environments, id, { name }) })),
    create: () => {
      const { environments, settings } = store.get();
      const name = `Environment ${environments.list.length + 1}`;
      const id = `env-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
      apply(
        addEnvironment(
          environments,
          { name, proxyUrl: settings.proxyUrl, callerKey: settings.callerKey },
          id,
        ),
      );
      log(`Added the environment "${name}": set its proxy URL and caller key in Settings.`);
    },
    remove: (id) => apply(removeEnvironment(store.get().environments, id)),
    exportAll: () => {
      downloadText(exportEnvironments(store.get().environments), "liveness-playground-environments.json");
      log("Exported the environments (names and URLs, no keys).");
    },
  };
}

/** The palette's environment commands: one per environment to switch to it, and managing them. */
export function environmentCommands(environments: Environments, actions: EnvironmentActions): Command[] {
  return [
    ...environments.list.map((env) => ({
      id: `env-${env.id}`,
      category: "Environment",
      title: `Switch to "${env.name}"${env.id === environments.active ? " (in use)" : ""}`,
      run: () => actions.switchTo(env.id),
    })),
    { id: "env-new", category: "Environment", title: "New from current", run: () => actions.create() },
    {
      id: "env-export",
      category: "Environment",
      title: "Export without keys",
      run: () => actions.exportAll(),
    },
  ];
}
