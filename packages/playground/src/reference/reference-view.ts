import { h, replaceChildren } from "../shell/h.js";
import { type ApiReference, type EndpointDoc, readOpenApi, type SchemaDoc } from "./openapi-model.js";

const anchor = (schema: string) => `ref-schema-${schema.replace(/[^A-Za-z0-9_-]/g, "_")}`;

/** A type, with each schema name in it linked to that schema's section. */
function typeLink(type: string, names: ReadonlySet<string>): HTMLElement {
  return h(
    "code",
    {},
    ...type
      .split(/(\s*\|\s*|\[\])/)
      .map((part) => (names.has(part) ? h("a", { href: `#${anchor(part)}` }, part) : part)),
  );
}

function endpointView(endpoint: EndpointDoc, names: ReadonlySet<string>): HTMLElement {
  return h(
    "section",
    { class: "ref-endpoint", "data-testid": "ref-endpoint" },
    h(
      "h4",
      {},
      h("span", { class: "method" }, endpoint.method),
      " ",
      h("code", {}, endpoint.path),
      endpoint.authenticated ? h("span", { class: "help" }, " · caller key or token") : null,
    ),
    endpoint.summary ? h("p", {}, endpoint.summary) : null,
    endpoint.description ? h("p", { class: "help" }, endpoint.description) : null,
    endpoint.requestBodies.length
      ? h(
          "p",
          {},
          "Body: ",
          ...endpoint.requestBodies.flatMap((body, index) => [
            index ? ", " : "",
            h("code", {}, body.contentType),
            body.schema ? " " : "",
            body.schema ? typeLink(body.schema, names) : "",
          ]),
        )
      : null,
    h(
      "table",
      { class: "ref-table" },
      h("caption", { class: "visually-hidden" }, `Responses of ${endpoint.method} ${endpoint.path}`),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, "Status"),
          h("th", { scope: "col" }, "Meaning"),
          h("th", { scope: "col" }, "Body"),
        ),
      ),
      h(
        "tbody",
        {},
        ...endpoint.responses.map((response) =>
          h(
            "tr",
            { class: response.status.startsWith("2") ? "ok" : "error" },
            h("td", {}, h("code", {}, response.status)),
            h("td", {}, response.description),
            h("td", {}, response.schema ? typeLink(response.schema, names) : "—"),
          ),
        ),
      ),
    ),
  );
}

function schemaView(schema: SchemaDoc, names: ReadonlySet<string>): HTMLElement {
  return h(
    "section",
    { class: "ref-schema", id: anchor(schema.name), "data-testid": "ref-schema" },
    h("h4", {}, h("code", {}, schema.name), " ", h("span", { class: "help" }, schema.type)),
    schema.description ? h("p", { class: "help" }, schema.description) : null,
    schema.properties.length
      ? h(
          "table",
          { class: "ref-table" },
          h("caption", { class: "visually-hidden" }, `Properties of ${schema.name}`),
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              h("th", { scope: "col" }, "Field"),
              h("th", { scope: "col" }, "Type"),
              h("th", { scope: "col" }, "About"),
            ),
          ),
          h(
            "tbody",
            {},
            ...schema.properties.map((prop) =>
              h(
                "tr",
                {},
                h(
                  "td",
                  {},
                  h("code", {}, prop.name),
                  prop.required ? h("span", { class: "help" }, " required") : null,
                ),
                h("td", {}, typeLink(prop.type, names)),
                h(
                  "td",
                  {},
                  prop.description,
                  prop.values.length
                    ? h("span", { class: "help" }, ` One of: ${prop.values.join(", ")}.`)
                    : null,
                ),
              ),
            ),
          ),
        )
      : null,
  );
}

/** Renders a reference: endpoints (with their errors), then schemas. */
export function renderReference(container: HTMLElement, reference: ApiReference, source: string): void {
  const names = new Set(reference.schemas.map((schema) => schema.name));
  replaceChildren(
    container,
    h("h3", { "data-testid": "ref-title" }, `${reference.title} ${reference.version}`),
    h("p", { class: "help" }, `From ${source}.`),
    reference.description ? h("p", {}, reference.description) : null,
    h("h3", {}, "Endpoints"),
    ...reference.endpoints.map((endpoint) => endpointView(endpoint, names)),
    h("h3", {}, "Schemas"),
    ...reference.schemas.map((schema) => schemaView(schema, names)),
  );
}

/**
 * The API reference tab: the proxy's own `/v1/openapi.json`, fetched when the tab opens (and on Reload), so
 * the playground documents the proxy it talks to, whatever its version.
 */
export function createReferenceView(proxyUrl: () => string): { element: HTMLElement; load(): Promise<void> } {
  const body = h("div", { "data-testid": "reference" }, h("p", { class: "placeholder" }, "Loading…"));
  let loadedFrom = "";
  const load = async () => {
    const url = `${proxyUrl().replace(/\/+$/, "")}/v1/openapi.json`;
    if (url === loadedFrom) return;
    replaceChildren(body, h("p", { class: "placeholder" }, `Loading ${url}…`));
    try {
      const response = await fetch(url, { cache: "no-store", signal: AbortSignal.timeout(10_000) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      renderReference(body, readOpenApi(await response.json()), url);
      loadedFrom = url;
    } catch (error) {
      replaceChildren(
        body,
        h(
          "p",
          { class: "error-text", "data-testid": "reference-error" },
          `Could not read ${url}: ${error instanceof Error ? error.message : String(error)}. Is the proxy running (npm start)?`,
        ),
      );
    }
  };
  const reload = h(
    "button",
    {
      type: "button",
      class: "small",
      onclick: () => {
        loadedFrom = "";
        void load();
      },
    },
    "Reload",
  );
  return { element: h("div", {}, h("div", { class: "row" }, reload), body), load };
}
