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

/** The server refused the message (too long, too fast …) and said why, in Swedish. */
export class Refused extends Error {
  constructor(readonly text: string) {
    super(text);
  }
}

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
    if (response.status >= 400 && response.status < 500) throw new Refused(await refusalText(response));
    if (!response.ok) throw new Unreachable(`HTTP ${response.status}`);
    return parseReplies(await response.json());
  } catch (error) {
    if (error instanceof Refused || error instanceof Unreachable) throw error;
    throw new Unreachable(String(error));
  } finally {
    clearTimeout(timer);
    signal.removeEventListener("abort", abort);
  }
}

/** The server's Swedish line for a refusal; a general one if it sent none. */
async function refusalText(response: Response): Promise<string> {
  try {
    const body = await response.json();
    if (typeof body?.text === "string" && body.text.length < 300) return body.text;
  } catch {
    // Not JSON: the general line below.
  }
  return "Chatten kunde inte ta emot meddelandet. Försök igen om en stund.";
}

/**
 * Asks the server to delete the conversation now. keepalive: the request is sent even
 * as the page is left (quick exit). Resolves to whether the server deleted it.
 */
export async function forgetOnServer(serverUrl: string, secret: string): Promise<boolean> {
  try {
    const response = await fetch(serverUrl + "/webhooks/rest/forget", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ secret }),
      credentials: "omit",
      cache: "no-store",
      referrerPolicy: "no-referrer",
      keepalive: true,
    });
    return response.ok && (await response.json())?.deleted === true;
  } catch {
    return false;
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
