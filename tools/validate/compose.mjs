// Validates a Compose file offline: the Compose Specification's JSON schema (the copy shipped by
// the dclint package, which follows compose-spec/compose-spec), then references the schema cannot
// see (depends_on, named volumes, networks, secrets, configs) and interpolation syntax.
//
// usage: node compose.mjs FILE
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import { loadYamlDocuments, pathText, pointerParts, Reporter, show } from "./common.mjs";

const toolsDir = new URL("../", import.meta.url).pathname;
const schema = JSON.parse(readFileSync(join(toolsDir, "node_modules", "dclint", "schemas", "compose.schema.json"), "utf8"));
// The copy names draft-07 by its https address, which Ajv knows as http://json-schema.org/draft-07/schema#.
schema.$schema = "http://json-schema.org/draft-07/schema#";

const file = process.argv[2];
if (!file) {
  console.error("usage: node compose.mjs FILE");
  process.exit(2);
}
const reporter = new Reporter(`Compose file ${show(file)}`);
const docs = loadYamlDocuments(file, reporter.error);
if (docs.length !== 1) {
  if (docs.length > 1) reporter.error(`${show(file)}: expected one YAML document, found ${docs.length}`);
  reporter.finish();
  process.exit();
}
const doc = docs[0];
const compose = doc.value;
const at = (path) => `${show(file)}:${doc.line(path)}${path.length ? ` ${pathText(path)}` : ""}`;

// ---------------------------------------------------------------- schema
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
if (!validate(compose)) {
  // oneOf/anyOf failures repeat every branch's complaint: keep the deepest, most specific ones.
  const errors = validate.errors.filter((e) => !["oneOf", "anyOf", "if"].includes(e.keyword));
  const deepest = errors.filter((e) => !errors.some((o) => o !== e && o.instancePath.startsWith(`${e.instancePath}/`)));
  const byPath = new Map();
  for (const e of deepest) {
    let message = e.message;
    if (e.keyword === "additionalProperties") message = `unknown key '${e.params.additionalProperty}'`;
    if (e.keyword === "required") message = `must have required property '${e.params.missingProperty}'`;
    byPath.set(e.instancePath, new Set([...(byPath.get(e.instancePath) ?? []), message]));
  }
  for (const [pointer, messages] of byPath) {
    const path = pointerParts(pointer);
    reporter.error(`${at(path)}: ${[...messages].join(" or ")}`);
  }
}

// ---------------------------------------------------------------- references and interpolation
const services = compose?.services && typeof compose.services === "object" ? compose.services : {};
const declared = (section) => new Set(Object.keys(compose?.[section] ?? {}));
const volumes = declared("volumes");
const networks = declared("networks");
const secrets = declared("secrets");
const configs = declared("configs");

if (Object.keys(services).length === 0 && !compose?.include) reporter.error(`${at([])}: no services`);

for (const [name, service] of Object.entries(services)) {
  if (!service || typeof service !== "object") continue;
  const here = (...path) => ["services", name, ...path];
  if (!service.image && !service.build && !service.extends && !service.provider) {
    reporter.error(`${at(here())}: service has neither image nor build`);
  }
  const dependsOn = Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});
  for (const dependency of dependsOn) {
    if (!(dependency in services)) reporter.error(`${at(here("depends_on"))}: depends on unknown service '${dependency}'`);
    if (dependency === name) reporter.error(`${at(here("depends_on"))}: depends on itself`);
  }
  for (const [i, volume] of (service.volumes ?? []).entries()) {
    const source = typeof volume === "string" ? (volume.split(":").length > 1 ? volume.split(":")[0] : undefined)
      : volume?.type === "volume" ? volume.source : undefined;
    if (source && !/^[./~$]/.test(source) && !volumes.has(source)) {
      reporter.error(`${at(here("volumes", i))}: named volume '${source}' is not declared under top-level volumes`);
    }
  }
  const serviceNetworks = Array.isArray(service.networks) ? service.networks : Object.keys(service.networks ?? {});
  for (const network of serviceNetworks) {
    if (network !== "default" && !networks.has(network)) {
      reporter.error(`${at(here("networks"))}: network '${network}' is not declared under top-level networks`);
    }
  }
  for (const [kind, known] of [["secrets", secrets], ["configs", configs]]) {
    for (const entry of service[kind] ?? []) {
      const ref = typeof entry === "string" ? entry : entry?.source;
      if (ref && !known.has(ref)) reporter.error(`${at(here(kind))}: ${kind.slice(0, -1)} '${ref}' is not declared at the top level`);
    }
  }
}

// The schema takes strings for numbers and durations so that they can be interpolated; Compose
// still refuses a literal that is not one.
const INTEGER_KEYS = new Set(["retries", "replicas", "scale", "cpu_count", "pids_limit", "oom_score_adj", "target"]);
const DURATION_KEYS = new Set(["interval", "timeout", "start_period", "start_interval", "stop_grace_period", "delay", "window", "monitor"]);
const DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;
const checkLiterals = (value, path) => {
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const child = [...path, Array.isArray(value) ? Number(k) : k];
      if (typeof v === "string" && !v.includes("$") && path[0] === "services") {
        if (INTEGER_KEYS.has(k) && !/^-?\d+$/.test(v.trim())) reporter.error(`${at(child)}: '${v}' is not an integer`);
        if (DURATION_KEYS.has(k) && !DURATION.test(v.trim())) reporter.error(`${at(child)}: '${v}' is not a duration such as 10s or 1m30s`);
      }
      checkLiterals(v, child);
    }
  }
};
checkLiterals(compose, []);

const checkInterpolation = (value, path) => {
  if (typeof value === "string") {
    const text = value.replace(/\$\$/g, "");
    const bad = /\$(?![{A-Za-z_])/.exec(text) || /\$\{(?![A-Za-z_][A-Za-z0-9_]*(?:(?::?[-?+])[^}]*)?\})/.exec(text);
    if (bad) reporter.error(`${at(path)}: invalid interpolation near '${text.slice(bad.index, bad.index + 20)}' (write $$ for a literal $)`);
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) checkInterpolation(v, [...path, Array.isArray(value) ? Number(k) : k]);
  }
};
checkInterpolation(compose, []);

reporter.finish(`${Object.keys(services).length} service(s): ${Object.keys(services).join(", ")}`);
