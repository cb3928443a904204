/**
 * The node types and field names of one grammar that the shared extraction steps need.
 * Each language adapter fills one in; the algorithms in `scopes.ts` and `resultUse.ts`
 * read only this, so they serve Python and JS alike.
 */
export interface Grammar {
  call: string;
  callFunction: string;
  callArguments: string;
  member: string;
  memberObject: string;
  memberProperty: string;
  subscript: string;
  subscriptObject: string;
  await: string;
  parenthesized: string;
  identifier: string;
  /** Functions: the scope of local names. */
  functions: string[];
  /** Statements a fix may wrap or follow. */
  simpleStatements: string[];
  expressionStatement: string;
  returnStatements: string[];
  /** `x = value` forms: [node type, left field, right field]. */
  assignments: [string, string, string][];
  /** `for x in xs` / `for (const x of xs)`: [node type, left field, right field]. */
  loops: [string, string, string][];
  tryStatement: string;
  /** Field or child type that marks a try's handler (`except_clause`, `handler`). */
  tryHandler: { field?: string; childType?: string };
  tryBody: string;
  strings: string[];
  comment: string;
  /** Argument list node type. */
  argumentList: string;
}

export const PYTHON_GRAMMAR: Grammar = {
  call: "call",
  callFunction: "function",
  callArguments: "arguments",
  member: "attribute",
  memberObject: "object",
  memberProperty: "attribute",
  subscript: "subscript",
  subscriptObject: "value",
  await: "await",
  parenthesized: "parenthesized_expression",
  identifier: "identifier",
  functions: ["function_definition", "lambda"],
  simpleStatements: ["expression_statement", "return_statement"],
  expressionStatement: "expression_statement",
  returnStatements: ["return_statement"],
  assignments: [
    ["assignment", "left", "right"],
    ["augmented_assignment", "left", "right"],
  ],
  loops: [
    ["for_statement", "left", "right"],
    ["for_in_clause", "left", "right"],
  ],
  tryStatement: "try_statement",
  tryHandler: { childType: "except_clause" },
  tryBody: "body",
  strings: ["string", "concatenated_string"],
  comment: "comment",
  argumentList: "argument_list",
};

export const JS_GRAMMAR: Grammar = {
  call: "call_expression",
  callFunction: "function",
  callArguments: "arguments",
  member: "member_expression",
  memberObject: "object",
  memberProperty: "property",
  subscript: "subscript_expression",
  subscriptObject: "object",
  await: "await_expression",
  parenthesized: "parenthesized_expression",
  identifier: "identifier",
  functions: ["function_declaration", "function_expression", "arrow_function", "method_definition", "generator_function_declaration", "function"],
  simpleStatements: ["expression_statement", "return_statement", "lexical_declaration", "variable_declaration"],
  expressionStatement: "expression_statement",
  returnStatements: ["return_statement"],
  assignments: [
    ["variable_declarator", "name", "value"],
    ["assignment_expression", "left", "right"],
    ["augmented_assignment_expression", "left", "right"],
  ],
  loops: [["for_in_statement", "left", "right"]],
  tryStatement: "try_statement",
  tryHandler: { field: "handler" },
  tryBody: "body",
  strings: ["string", "template_string"],
  comment: "comment",
  argumentList: "arguments",
};
