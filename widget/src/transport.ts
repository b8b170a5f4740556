// Rasa's REST channel over fetch: one request per message, the bot's answers in the
// response. Each message carries an id; the server answers a resend of an id it has
// already handled with the same answers instead of handling it twice.

import type { Button } from "./conversation";

export interface BotReply {
  text: string;
  buttons: Button[];
}

/** The server could not be reached or did not answer properly; the message may be resent. */
export class Unreachable extends Error {}

const TIMEOUT_MS = 30000;

export async function send(
  serverUrl: string,
  sender: string,
  message: string,
  messageId: string,
  signal: AbortSignal,
): Promise<BotReply[]> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), TIMEOUT_MS);
  const abort = () => timeout.abort();
  signal.addEventListener("abort", abort);
  try {
    const response = await fetch(serverUrl + "/webhooks/rest/webhook", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender, message, message_id: messageId }),
      credentials: "omit",
      cache: "no-store",
      referrerPolicy: "no-referrer",
      signal: timeout.signal,
    });
    if (!response.ok) throw new Unreachable(`HTTP ${response.status}`);
    return parseReplies(await response.json());
  } catch (error) {
    throw error instanceof Unreachable ? error : new Unreachable(String(error));
  } finally {
    clearTimeout(timer);
    signal.removeEventListener("abort", abort);
  }
}

/** Keeps only text and buttons, checked field by field: images or custom payloads are never loaded. */
export function parseReplies(body: unknown): BotReply[] {
  if (!Array.isArray(body)) throw new Unreachable("not a list of replies");
  const replies: BotReply[] = [];
  for (const item of body) {
    if (typeof item !== "object" || item === null) continue;
    const text = typeof item.text === "string" ? item.text : "";
    const buttons: Button[] = Array.isArray(item.buttons)
      ? item.buttons
          .filter((b: Button) => b && typeof b.title === "string" && typeof b.payload === "string")
          .map((b: Button) => ({ title: b.title, payload: b.payload }))
      : [];
    if (text || buttons.length) replies.push({ text, buttons });
  }
  return replies;
}
