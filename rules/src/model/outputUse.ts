/**
 * Two more places model output goes: string methods called on a message's content that may
 * be None/null (a tool call or a refusal has no content), and loggers at info level or above.
 */
import type { Grammar } from "./grammar";
import { memberChain } from "./flow";
import { parentOf, type Node } from "./syntax";

/** `.choices[0].message.content`, the OpenAI-style answer text that is None for tool calls and refusals. */
const MESSAGE_CONTENT = /\.\s*choices\s*\[\s*0\s*\]\s*\.\s*message$/;

export interface ContentUse {
  /** The `….content` expression. */
  content: Node;
  /** The string method called on it (`strip`, `trim`). */
  method: string;
}

/** `member` is `x.choices[0].message.content` and a method is called on it directly. */
export function contentUseOf(member: Node, g: Grammar): ContentUse | null {
  if (member.childForFieldName(g.memberProperty)?.text !== "content") return null;
  const object = member.childForFieldName(g.memberObject);
  if (!object || !MESSAGE_CONTENT.test(object.text.replace(/\s+/g, ""))) return null;
  // TypeScript's `content!` asserts, it does not check.
  const asserted = parentOf(member)?.type === "non_null_expression" ? parentOf(member)! : member;
  const access = parentOf(asserted);
  if (access?.type !== g.member || access.childForFieldName(g.memberObject)?.id !== asserted.id) return null;
  const call = parentOf(access);
  if (call?.type !== g.call || call.childForFieldName(g.callFunction)?.id !== access.id) return null;
  return { content: asserted, method: access.childForFieldName(g.memberProperty)?.text ?? "" };
}

const LOG_METHODS = new Set(["info", "warning", "warn", "error", "critical", "exception", "fatal", "log"]);
/** A cheap first look at the callee's text. */
const LOG_CALL = /\.\s*(info|warning|warn|error|critical|exception|fatal|log)$/;
const LOGGER_NAMES = /^(log|logger|logging|_logger|LOGGER|LOG|console|structlog|loguru)$/;
/** Names that hold a whole prompt or conversation. */
export const PROMPT_NAMES = new Set(["prompt", "messages", "system_prompt", "systemPrompt", "user_prompt", "userPrompt", "conversation", "history", "chat_history", "chatHistory", "full_prompt", "fullPrompt"]);

/** `logger.info(…)`, `logging.warning(…)`, `console.log(…)`: its argument nodes. */
export function logArguments(call: Node, g: Grammar): Node[] | null {
  const callee = call.childForFieldName(g.callFunction);
  if (!callee || callee.type !== g.member || !LOG_CALL.test(callee.text)) return null;
  const { root, names } = memberChain(callee, g);
  const method = names[names.length - 1];
  const owner = names.length > 1 ? names[names.length - 2] : root.text;
  if (!method || !LOG_METHODS.has(method) || !LOGGER_NAMES.test(owner)) return null;
  return call.childForFieldName(g.callArguments)?.namedChildren.filter((a) => a.type !== "comment") ?? null;
}
