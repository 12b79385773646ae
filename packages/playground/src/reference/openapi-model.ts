/** One property of a schema, as the reference lists it. */
export interface PropertyDoc {
  readonly name: string;
  /** "string", "integer", "boolean", "object", a schema name from `$ref`, "A | B" for oneOf, "string[]", ... */
  readonly type: string;
  readonly required: boolean;
  readonly description: string;
  /** The allowed values, when the schema lists them (`enum`, `const`). */
  readonly values: readonly string[];
}

/** One named schema of `components.schemas`. */
export interface SchemaDoc {
  readonly name: string;
  readonly type: string;
  readonly description: string;
  readonly properties: readonly PropertyDoc[];
}

/** One response of an operation. */
export interface ResponseDoc {
  readonly status: string;
  readonly description: string;
  /** The schema of the JSON body: a component name or a type. */
  readonly schema?: string;
  readonly headers: readonly string[];
}

/** One operation (a method on a path). */
export interface EndpointDoc {
  readonly method: string;
  readonly path: string;
  readonly summary: string;
  readonly description: string;
  readonly authenticated: boolean;
  readonly requestBodies: readonly { readonly contentType: string; readonly schema?: string }[];
  readonly responses: readonly ResponseDoc[];
}

/** What the API reference pane shows. */
export interface ApiReference {
  readonly title: string;
  readonly version: string;
  readonly description: string;
  readonly endpoints: readonly EndpointDoc[];
  readonly schemas: readonly SchemaDoc[];
}

type Json = Record<string, unknown>;
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];

const record = (value: unknown): Json =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};
const text = (value: unknown): string => (typeof value === "string" ? value : "");

/** A short type name for a schema: its `$ref` name, its type, `T[]`, or the `oneOf` alternatives. */
export function typeName(schema: unknown): string {
  const s = record(schema);
  if (typeof s.$ref === "string") return s.$ref.split("/").at(-1) ?? s.$ref;
  for (const key of ["oneOf", "anyOf"]) {
    if (Array.isArray(s[key])) return (s[key] as unknown[]).map(typeName).join(" | ");
  }
  if (s.type === "array") return `${typeName(s.items)}[]`;
  if (Array.isArray(s.type)) return s.type.join(" | ");
  if (typeof s.type === "string") return s.type;
  if ("const" in s) return typeof s.const;
  return "any";
}

function valuesOf(schema: Json): string[] {
  if (Array.isArray(schema.enum)) return schema.enum.map(String);
  if ("const" in schema) return [String(schema.const)];
  return [];
}

function schemaDoc(name: string, schema: unknown): SchemaDoc {
  const s = record(schema);
  const required = new Set(Array.isArray(s.required) ? s.required.map(String) : []);
  const properties = Object.entries(record(s.properties)).map(([prop, value]) => {
    const p = record(value);
    return {
      name: prop,
      type: typeName(p),
      required: required.has(prop),
      description: text(p.description),
      values: valuesOf(p),
    };
  });
  return { name, type: typeName(s), description: text(s.description), properties };
}

/**
 * Reads an OpenAPI 3.x document into what the reference pane shows: endpoints (with request bodies and every
 * response), and the named schemas with their properties. Tolerant: missing parts give empty lists, never an
 * exception; `$ref`s are shown by name and linked, not inlined.
 */
export function readOpenApi(document: unknown): ApiReference {
  const doc = record(document);
  const info = record(doc.info);
  const globalSecurity = Array.isArray(doc.security) && doc.security.length > 0;
  const endpoints: EndpointDoc[] = [];
  for (const [path, item] of Object.entries(record(doc.paths))) {
    for (const method of METHODS) {
      const op = record(record(item)[method]);
      if (Object.keys(op).length === 0) continue;
      const security = Array.isArray(op.security) ? op.security.length > 0 : globalSecurity;
      endpoints.push({
        method: method.toUpperCase(),
        path,
        summary: text(op.summary),
        description: text(op.description),
        authenticated: security,
        requestBodies: Object.entries(record(record(op.requestBody).content)).map(([contentType, media]) => {
          const schema = record(media).schema;
          return { contentType, ...(schema ? { schema: typeName(schema) } : {}) };
        }),
        responses: Object.entries(record(op.responses)).map(([status, response]) => {
          const r = record(response);
          const schema = record(record(record(r.content)["application/json"]).schema);
          return {
            status,
            description: text(r.description),
            ...(Object.keys(schema).length > 0 ? { schema: typeName(schema) } : {}),
            headers: Object.keys(record(r.headers)),
          };
        }),
      });
    }
  }
  const schemas = Object.entries(record(record(doc.components).schemas)).map(([name, schema]) =>
    schemaDoc(name, schema),
  );
  return {
    title: text(info.title) || "API",
    version: text(info.version),
    description: text(info.description),
    endpoints,
    schemas,
  };
}
