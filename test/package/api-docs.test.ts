/**
 * The API reference builds from the TSDoc without a warning, under the configuration `npm run docs:api`
 * uses (typedoc.json, which treats warnings as errors): every export of the runtime and the transformer
 * documented, no broken link or tag, nothing public that refers to an unexported type. And every public
 * function, class, method and accessor carries an `@example`. Converts only (no HTML is written).
 */
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { DeclarationReflection, ProjectReflection } from "typedoc" with {
  "resolution-mode": "import",
};
import { REPO_ROOT } from "../support/compilers.js";

/** typedoc is an ES module: loaded with import(), which Node 20 runs from CommonJS. */
type TypeDoc = typeof import("typedoc", { with: { "resolution-mode": "import" } });

/** Kinds whose every public member must show an example; checked per reflection, not per overload. */
function needsExample(typedoc: TypeDoc, reflection: DeclarationReflection): boolean {
  const { ReflectionKind } = typedoc;
  if (reflection.kindOf(ReflectionKind.Function | ReflectionKind.Class)) return true;
  const inClass = reflection.parent?.kindOf(ReflectionKind.Class) ?? false;
  return inClass && reflection.kindOf(ReflectionKind.Method | ReflectionKind.Accessor);
}

/** The reflection's own comment, or one on any of its signatures (the first overload, say). */
function hasExample(reflection: DeclarationReflection): boolean {
  const comments = [
    reflection.comment,
    ...(reflection.signatures ?? []).map((signature) => signature.comment),
    reflection.getSignature?.comment,
  ];
  return comments.some((comment) => comment?.getTag("@example") !== undefined);
}

function withoutExamples(typedoc: TypeDoc, project: ProjectReflection): string[] {
  return Object.values(project.reflections)
    .filter((reflection): reflection is DeclarationReflection => reflection.isDeclaration())
    .filter((reflection) => needsExample(typedoc, reflection) && !hasExample(reflection))
    .map((reflection) => reflection.getFriendlyFullName())
    .sort();
}

test("typedoc converts and validates the public API without a warning; every function has an @example", async () => {
  const typedoc: TypeDoc = await import("typedoc");
  // Only the options file and tsconfig: the default readers would also parse this process's argv.
  const app = await typedoc.Application.bootstrapWithPlugins(
    { options: path.join(REPO_ROOT, "typedoc.json") },
    [new typedoc.TypeDocReader(), new typedoc.TSConfigReader()],
  );
  const project = await app.convert();
  assert.ok(project, "typedoc could not convert the entry points (see its messages above)");
  app.validate(project);
  assert.is(app.logger.hasErrors(), false, "typedoc reported errors (see its messages above)");
  assert.is(app.logger.hasWarnings(), false, "typedoc reported warnings (see its messages above)");
  const entries = project.children?.map((child) => child.name).sort();
  assert.equal(entries, ["adaptive-array-pools", "adaptive-array-pools/transformer"]);
  assert.equal(withoutExamples(typedoc, project), [], "public API without an @example");
});

test.run();
