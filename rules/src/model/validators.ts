/**
 * Names that validate parsed JSON against a schema, as data: a `JSON.parse` whose result
 * reaches one of these is checked output, not trusted blindly.
 */
export const SCHEMA_VALIDATOR_METHODS: string[] = [
  // zod, valibot, yup, io-ts, effect schema
  "parse",
  "safeParse",
  "parseAsync",
  "safeParseAsync",
  "validateSync",
  "decode",
  // pydantic
  "model_validate",
  "model_validate_json",
  "parse_obj",
  "parse_raw",
  "validate_python",
  "validate_json",
  // jsonschema, ajv
  "validate",
];

/** Calls that serialise a whole SDK object: their output is always valid JSON. */
export const SDK_SERIALISERS: string[] = ["model_dump_json", "json", "to_json", "stringify"];

export function isValidatorCall(callee: string): boolean {
  const name = callee.slice(callee.lastIndexOf(".") + 1);
  return SCHEMA_VALIDATOR_METHODS.includes(name);
}
