// Validates Kubernetes manifests offline, three ways:
//  1. the Kubernetes API's JSON schemas (types, required fields, formats such as quantities), as
//     compiled by kubernetes-models (Kubernetes 1.27 API);
//  2. strict structure: every object is type-checked by the TypeScript compiler against
//     kubernetes-types (Kubernetes 1.30 API), which refuses unknown or misspelt fields the way
//     `kubectl apply` (strict field validation) does;
//  3. this project's rules: images, probes, resources, non-root, no secret values in git.
//
// usage: node k8s.mjs [--stdin-name NAME] FILE...   ("-" reads standard input, called NAME in messages)
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { loadYamlDocuments, nameStdin, pathText, pointerParts, Reporter, show } from "./common.mjs";

const require = createRequire(import.meta.url);
const toolsDir = new URL("../", import.meta.url).pathname;
const typesDir = join(toolsDir, "node_modules", "kubernetes-types");

const args = process.argv.slice(2);
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--stdin-name") nameStdin(args[++i]);
  else files.push(args[i]);
}
if (files.length === 0) {
  console.error("usage: node k8s.mjs FILE...");
  process.exit(2);
}

const reporter = new Reporter("Kubernetes manifests");
const docs = [];
for (const file of files) {
  for (const doc of loadYamlDocuments(file, reporter.error)) {
    docs.push(doc);
  }
}

function where(doc, path = []) {
  const v = doc.value;
  const name = `${v?.kind ?? "?"}/${v?.metadata?.name ?? "?"}`;
  return `${show(doc.file)}:${doc.line(path)} ${name}${path.length ? ` at ${pathText(path)}` : ""}`;
}

// ---------------------------------------------------------------- 1. JSON schema (kubernetes-models)
function validateSchema(doc) {
  const { apiVersion, kind } = doc.value;
  let model;
  try {
    model = require(`kubernetes-models/${apiVersion}`)[kind];
  } catch {
    model = undefined;
  }
  if (typeof model !== "function") {
    reporter.error(`${where(doc)}: unknown apiVersion/kind ${apiVersion}/${kind}`);
    return false;
  }
  try {
    new model(doc.value).validate();
  } catch (e) {
    if (!Array.isArray(e.errors)) throw e;
    const byPath = new Map();
    for (const error of e.errors) {
      if (["oneOf", "anyOf", "if"].includes(error.keyword)) continue;
      const key = error.instancePath;
      const message = error.keyword === "required" ? `must have required property '${error.params.missingProperty}'` : error.message;
      byPath.set(key, [...(byPath.get(key) ?? []), message]);
    }
    for (const [pointer, messages] of byPath) {
      reporter.error(`${where(doc, pointerParts(pointer))}: ${[...new Set(messages)].join(" or ")}`);
    }
  }
  return true;
}

// ---------------------------------------------------------------- 2. strict structure (TypeScript)
function typesModule(apiVersion) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["core", apiVersion];
  const dir = group.split(".")[0];
  return existsSync(join(typesDir, dir, `${version}.d.ts`)) ? `kubernetes-types/${dir}/${version}` : undefined;
}

/** Pretty JSON as a TypeScript expression, remembering the JSON path printed on each line. */
function printWithPaths(value) {
  const lines = [];
  const paths = [];
  const emit = (text, path) => {
    lines.push(text);
    paths.push(path);
  };
  const walk = (v, path, indent, prefix, suffix) => {
    const pad = "  ".repeat(indent);
    if (Array.isArray(v) && v.length > 0) {
      emit(`${pad}${prefix}[`, path);
      v.forEach((item, i) => walk(item, [...path, i], indent + 1, "", i < v.length - 1 ? "," : ""));
      emit(`${pad}]${suffix}`, path);
    } else if (v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length > 0) {
      emit(`${pad}${prefix}{`, path);
      const keys = Object.keys(v);
      keys.forEach((k, i) => walk(v[k], [...path, k], indent + 1, `${JSON.stringify(k)}: `, i < keys.length - 1 ? "," : ""));
      emit(`${pad}}${suffix}`, path);
    } else {
      emit(`${pad}${prefix}${JSON.stringify(v)}${suffix}`, path);
    }
  };
  walk(value, [], 0, "", "");
  return { text: lines.join("\n"), paths };
}

function validateStructure(checked) {
  const dir = mkdtempSync(join(tmpdir(), "k8s-types-"));
  try {
    const generated = new Map();
    checked.forEach((doc, n) => {
      const module = typesModule(doc.value.apiVersion);
      if (!module) {
        reporter.error(`${where(doc)}: no type definitions for apiVersion ${doc.value.apiVersion}`);
        return;
      }
      const header = `import type { ${doc.value.kind} as Checked } from ${JSON.stringify(module)};\nconst value: Checked =\n`;
      const { text, paths } = printWithPaths(doc.value);
      const fileName = join(dir, `doc${n}.ts`);
      writeFileSync(fileName, `${header}${text};\nexport default value;\n`);
      generated.set(fileName, { doc, paths, offset: header.split("\n").length - 1 });
    });
    const program = ts.createProgram([...generated.keys()], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      types: [],
      baseUrl: toolsDir,
      paths: { "kubernetes-types/*": [join(typesDir, "*")] },
    });
    for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
      const entry = diagnostic.file && generated.get(diagnostic.file.fileName);
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n").split("\n");
      if (!entry) {
        reporter.error(`TypeScript: ${message.join(" ")}`);
        continue;
      }
      const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      const path = entry.paths[line - entry.offset] ?? [];
      // The first line names the problem; a chain's last line names the precise field.
      const text = message.length > 1 ? `${message[message.length - 1].trim()}` : message[0];
      reporter.error(`${where(entry.doc, path)}: ${text.replace(/\s+/g, " ")}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- 3. this project's rules
const SECRET_NAME = /(PASSWORD|SECRET|TOKEN|CREDENTIALS?|PRIVATE_KEY|API_KEY|USERNAME)$/i;
const PLACEHOLDER = /^(CHANGE[-_ ]?ME|REPLACE[-_ ]?ME|<[^>]+>|\$\{[^}]+\}|)$/i;

function podSpecOf(v) {
  switch (v.kind) {
    case "Pod":
      return { spec: v.spec, path: ["spec"] };
    case "Deployment":
    case "StatefulSet":
    case "DaemonSet":
    case "ReplicaSet":
    case "Job":
      return { spec: v.spec?.template?.spec, path: ["spec", "template", "spec"] };
    case "CronJob":
      return { spec: v.spec?.jobTemplate?.spec?.template?.spec, path: ["spec", "jobTemplate", "spec", "template", "spec"] };
    default:
      return undefined;
  }
}

function checkRules(doc) {
  const v = doc.value;
  const fail = (path, message) => reporter.error(`${where(doc, path)}: ${message}`);

  if (v.kind === "Secret") {
    const isExample = /\.example\.ya?ml$/.test(doc.file);
    if (!isExample) {
      fail([], "a Secret must not be committed; keep only *.example.yaml with placeholders (see deploy/README.md)");
    }
    for (const field of ["data", "stringData"]) {
      for (const [key, value] of Object.entries(v[field] ?? {})) {
        const plain = field === "data" ? Buffer.from(String(value), "base64").toString("utf8") : String(value);
        if (!PLACEHOLDER.test(plain.trim())) {
          fail([field, key], "holds what looks like a real value; use a placeholder such as CHANGE-ME");
        }
      }
    }
  }
  if (v.kind === "ConfigMap") {
    for (const key of Object.keys(v.data ?? {})) {
      if (SECRET_NAME.test(key)) fail(["data", key], "secret-looking key in a ConfigMap; put it in the Secret");
    }
  }

  const pod = podSpecOf(v);
  if (!pod?.spec) return;
  const containers = [
    ...(pod.spec.containers ?? []).map((c, i) => ({ c, path: [...pod.path, "containers", i], main: true })),
    ...(pod.spec.initContainers ?? []).map((c, i) => ({ c, path: [...pod.path, "initContainers", i], main: false })),
  ];
  for (const { c, path, main } of containers) {
    if (typeof c.image !== "string" || c.image.trim() === "") fail(path, "container has no image");
    else if (!/[:@]/.test(c.image.split("/").pop()) || c.image.endsWith(":latest")) fail([...path, "image"], "pin the image to a tag or digest (not latest)");
    for (const [i, e] of (c.env ?? []).entries()) {
      if (SECRET_NAME.test(e.name) && e.value !== undefined) {
        fail([...path, "env", i], `${e.name} must come from a Secret (valueFrom.secretKeyRef), not a literal value`);
      }
    }
    const sc = c.securityContext ?? {};
    if (sc.allowPrivilegeEscalation !== false) fail([...path], "securityContext.allowPrivilegeEscalation must be false");
    if (sc.readOnlyRootFilesystem !== true) fail([...path], "securityContext.readOnlyRootFilesystem must be true");
    if (!(sc.capabilities?.drop ?? []).includes("ALL")) fail([...path], "securityContext.capabilities.drop must include ALL");
    if (sc.privileged === true) fail([...path, "securityContext", "privileged"], "must not be privileged");
    if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory || !c.resources?.limits?.memory) {
      fail([...path], "resources.requests.cpu, requests.memory and limits.memory are required");
    }
    if (main && v.kind !== "Job" && v.kind !== "CronJob") {
      for (const probe of ["readinessProbe", "livenessProbe"]) {
        if (!c[probe]) fail(path, `${probe} is required`);
      }
    }
  }
  const runAsNonRoot = pod.spec.securityContext?.runAsNonRoot === true
    || containers.every(({ c }) => c.securityContext?.runAsNonRoot === true);
  if (!runAsNonRoot) fail(pod.path, "securityContext.runAsNonRoot must be true");
  if (pod.spec.securityContext?.runAsUser === 0) fail([...pod.path, "securityContext", "runAsUser"], "must not be 0");
  const seccomp = pod.spec.securityContext?.seccompProfile?.type;
  if (seccomp !== "RuntimeDefault" && seccomp !== "Localhost") fail(pod.path, "securityContext.seccompProfile.type must be RuntimeDefault");
  if (v.kind === "Deployment" && (v.spec.replicas ?? 1) < 2) fail(["spec", "replicas"], "run at least 2 replicas");
}

const KUSTOMIZATION_KEYS = new Set(["apiVersion", "kind", "metadata", "resources", "components", "namespace", "namePrefix",
  "nameSuffix", "labels", "commonLabels", "commonAnnotations", "images", "replicas", "patches", "patchesStrategicMerge",
  "patchesJson6902", "configMapGenerator", "secretGenerator", "generatorOptions", "configurations", "crds", "openapi",
  "replacements", "vars", "buildMetadata", "sortOptions", "helmCharts", "helmGlobals", "transformers", "generators", "validators"]);

function checkKustomization(doc) {
  const v = doc.value;
  const fail = (path, message) => reporter.error(`${show(doc.file)}:${doc.line(path)}${path.length ? ` ${pathText(path)}` : ""}: ${message}`);
  for (const key of Object.keys(v)) if (!KUSTOMIZATION_KEYS.has(key)) fail([key], `unknown Kustomization field '${key}'`);
  if (v.apiVersion !== "kustomize.config.k8s.io/v1beta1") fail(["apiVersion"], "must be kustomize.config.k8s.io/v1beta1");
  const dir = doc.file === "-" ? process.cwd() : join(doc.file, "..");
  for (const [i, resource] of (v.resources ?? []).entries()) {
    if (typeof resource !== "string") fail(["resources", i], "must be a path");
    else if (!/^[a-z]+:\/\//.test(resource) && !existsSync(join(dir, resource))) fail(["resources", i], `${resource} does not exist`);
    else if (/secret/i.test(resource)) fail(["resources", i], "Secrets are created out of band, not from this repository");
  }
  if (v.secretGenerator) fail(["secretGenerator"], "Secrets are created out of band, not from this repository");
}

// ---------------------------------------------------------------- run
const objects = [];
for (const doc of docs) {
  const v = doc.value;
  if (typeof v !== "object" || Array.isArray(v)) {
    reporter.error(`${show(doc.file)}: document ${doc.index} is not an object`);
    continue;
  }
  if (v.kind === "Kustomization") {
    checkKustomization(doc); // validate.sh also renders it with `kubectl kustomize` where kubectl is
    continue;
  }
  let ok = true;
  for (const field of ["apiVersion", "kind"]) {
    if (typeof v[field] !== "string" || v[field] === "") {
      reporter.error(`${where(doc)}: ${field} is missing`);
      ok = false;
    }
  }
  if (typeof v.metadata?.name !== "string" || v.metadata.name === "") {
    reporter.error(`${where(doc, ["metadata"])}: metadata.name is missing`);
  }
  if (!ok) continue;
  if (validateSchema(doc)) objects.push(doc);
  checkRules(doc);
}
validateStructure(objects);
if (objects.length === 0 && docs.every((d) => d.value?.kind !== "Kustomization")) reporter.error("no Kubernetes objects found");

reporter.finish(`${objects.length} object(s): ${[...new Set(objects.map((d) => d.value.kind))].join(", ")}`);
