/**
 * Monomorphic acquires: `acquire(P, Float64Array, n)` becomes `P.acquireFloat64(n)`, a per-type pool
 * method that V8 inlines for free (under its small-function size) and whose element type is a
 * constant, so each acquire costs the pool's 73-byte hit path instead of the free function's 158
 * bytes of the inlining budget (docs/runtime.md, "Hot path and V8's inlining budget"). `zeros` and
 * `ones` of number types become the same call plus `.fill(0)` / `.fill(1)`, which is what they do.
 *
 * Only what is visibly equivalent is rewritten: one or two dims arguments, no spread, and an element
 * type that is the global constructor (the checker's symbol is declared in a default library; without
 * a checker, the file declares nothing of that name). With two dims, `acquire(P, Float64Array, n, n)`
 * becomes `P.takeDims(Float64Array, n, n)`, whose hit compares the two dims the slot last served
 * as (no product, no dims check: 93 bytes inlined, against `take`'s 73). Both
 * methods run the same checks, so bad dims give the same errors; a first argument that is not a
 * pool is a TypeError either way (the engine's "is not a function" instead of the runtime's message).
 */
import type * as TS from "typescript";
import type { FileContext } from "./file-context.js";

/** Global constructor name → the pool method the runtime defines for it (runtime/pool.ts). */
const METHOD_BY_TYPE: ReadonlyMap<string, string> = new Map([
  ["Float64Array", "acquireFloat64"],
  ["Float32Array", "acquireFloat32"],
  ["Int32Array", "acquireInt32"],
  ["Uint32Array", "acquireUint32"],
  ["Int16Array", "acquireInt16"],
  ["Uint16Array", "acquireUint16"],
  ["Int8Array", "acquireInt8"],
  ["Uint8Array", "acquireUint8"],
  ["Uint8ClampedArray", "acquireUint8Clamped"],
  ["BigInt64Array", "acquireBigInt64"],
  ["BigUint64Array", "acquireBigUint64"],
]);

const BIGINT_TYPES: ReadonlySet<string> = new Set(["BigInt64Array", "BigUint64Array"]);

export type SpecialisedName = "acquire" | "zeros" | "ones";

/** Every per-type pool method a specialised call may name, for the runtime's contract test. */
export const SPECIALISED_METHODS: readonly string[] = [...METHOD_BY_TYPE.values()];

/** The pool method a specialised call with two dims names: `(type, d0, d1)`. */
export const MULTI_DIM_METHOD = "takeDims";

/** Names declared anywhere in a file (without a checker, a name that could shadow a global). */
const declaredNamesByFile = new WeakMap<TS.SourceFile, ReadonlySet<string>>();

/** The specialised form of `call`, or undefined when it must stay a call of the free function. */
export function specialiseAcquire(
  call: TS.CallExpression,
  name: SpecialisedName,
  file: FileContext,
): TS.Expression | undefined {
  const { ts } = file;
  if (call.questionDotToken !== undefined) return undefined;
  if (call.arguments.some((argument) => ts.isSpreadElement(argument))) return undefined;
  const request = specialisedRequest(call, file);
  if (request === undefined) return undefined;
  const fill = name === "zeros" ? 0 : name === "ones" ? 1 : undefined;
  if (fill !== undefined && BIGINT_TYPES.has(request.typeName)) return undefined;
  return emitSpecialised(call, request, fill, file);
}

/**
 * Two dims (a matrix) is the most a specialised call takes: three and four stay calls, so a slot
 * remembers two dims and `takeDims`' hit compares two (docs/transformer.md).
 */
const MAX_DIM_ARGUMENTS = 2;

interface SpecialisedRequest {
  readonly typeName: string;
  /** How many of the call's last arguments are dims: 1 (a length or a dims array) or 2. */
  readonly dims: number;
}

/**
 * `(P, T, ...dims)` with T a literal global constructor, or Float64Array for `(P, n)` with n a number
 * (a numeric literal, or number-typed for the checker): undefined otherwise. The default type with
 * several dims stays a call: its rewrite would have to name `Float64Array`, which the file may shadow.
 */
function specialisedRequest(
  call: TS.CallExpression,
  file: FileContext,
): SpecialisedRequest | undefined {
  const { ts } = file;
  const [, typeArgument, ...dims] = call.arguments;
  if (typeArgument === undefined) return undefined;
  if (!ts.isIdentifier(typeArgument) || !METHOD_BY_TYPE.has(typeArgument.text))
    return dims.length === 0 && isNumber(typeArgument, file)
      ? { typeName: "Float64Array", dims: 1 }
      : undefined;
  if (dims.length === 0 || dims.length > MAX_DIM_ARGUMENTS) return undefined;
  if (!isGlobalConstructor(typeArgument, file)) return undefined;
  return { typeName: typeArgument.text, dims: dims.length };
}

function isNumber(expression: TS.Expression, file: FileContext): boolean {
  const { ts } = file;
  if (ts.isNumericLiteral(expression)) return true;
  const checker = file.safety.checker;
  if (checker === undefined) return false;
  const type = checker.getTypeAtLocation(expression);
  const parts = type.isUnion() ? type.types : [type];
  return parts.every((part) => (part.flags & ts.TypeFlags.NumberLike) !== 0);
}

/**
 * `P.acquireFloat64(n)` for one dim; `P.takeDims(T, d0, d1)` for two, with T the call's own (global)
 * constructor identifier.
 */
function emitSpecialised(
  call: TS.CallExpression,
  request: SpecialisedRequest,
  fill: 0 | 1 | undefined,
  file: FileContext,
): TS.Expression {
  const { ts, factory } = file;
  const visited = file.visit(call);
  const [pool, ...rest] = visited.arguments;
  const oneDim = request.dims === 1;
  const acquired = factory.createCallExpression(
    factory.createPropertyAccessExpression(
      pool!,
      oneDim ? METHOD_BY_TYPE.get(request.typeName)! : MULTI_DIM_METHOD,
    ),
    undefined,
    oneDim ? [rest[rest.length - 1]!] : rest,
  );
  const result =
    fill === undefined
      ? acquired
      : factory.createCallExpression(
          factory.createPropertyAccessExpression(acquired, "fill"),
          undefined,
          [factory.createNumericLiteral(fill)],
        );
  return ts.setOriginalNode(ts.setTextRange(result, call), call);
}

function isGlobalConstructor(identifier: TS.Identifier, file: FileContext): boolean {
  const declarations = file.safety.checker?.getSymbolAtLocation(identifier)?.declarations ?? [];
  // No symbol: no checker, or a one-file Program without libraries (transpile-only modes).
  if (declarations.length === 0)
    return !declaredNames(file.ts, file.sourceFile).has(identifier.text);
  // Interface declarations only add types (@types/node augments the typed-array interfaces), so the
  // value's declarations alone decide whether this is the engine's own constructor.
  const values = declarations.filter((declaration) => !file.ts.isInterfaceDeclaration(declaration));
  return (
    values.length > 0 &&
    values.every((declaration) => isDefaultLibrary(declaration.getSourceFile()))
  );
}

/**
 * TypeScript's own library files: marked no-default-lib up to 5.x; TypeScript 6 dropped the marker,
 * so also by name (lib.<name>.d.ts), the names TypeScript gives them.
 */
function isDefaultLibrary(file: TS.SourceFile): boolean {
  return (
    file.hasNoDefaultLib ||
    (file.isDeclarationFile && /(^|[\\/])lib\.[\w.]+\.d\.ts$/.test(file.fileName))
  );
}

function declaredNames(ts: typeof TS, sourceFile: TS.SourceFile): ReadonlySet<string> {
  let names = declaredNamesByFile.get(sourceFile);
  if (names === undefined) {
    const found = new Set<string>();
    const visit = (node: TS.Node): void => {
      const name = (node as { name?: TS.Node }).name;
      if (ts.isDeclarationStatement(node) || isNamedDeclaration(ts, node)) {
        if (name !== undefined && ts.isIdentifier(name)) found.add(name.text);
      }
      if (ts.isBindingElement(node) && ts.isIdentifier(node.name)) found.add(node.name.text);
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    names = found;
    declaredNamesByFile.set(sourceFile, names);
  }
  return names;
}

function isNamedDeclaration(ts: typeof TS, node: TS.Node): boolean {
  return (
    ts.isVariableDeclaration(node) ||
    ts.isParameter(node) ||
    ts.isImportSpecifier(node) ||
    ts.isImportClause(node) ||
    ts.isNamespaceImport(node) ||
    ts.isFunctionExpression(node) ||
    ts.isClassExpression(node) ||
    ts.isImportEqualsDeclaration(node)
  );
}
