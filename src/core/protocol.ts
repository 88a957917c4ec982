// The self-assessment panel's messages, both ways, and the page the panel loads. The webview is treated as
// untrusted input: every message from it goes through parseWebviewMessage before the host acts on it.
//
// Webview -> host: `{ req?, command, args? }`. With a `req` number the host answers `{ seq: req, res }` when the
// command succeeded or `{ seq: req, err }` when it was rejected or failed (as in vscode-pull-request-github).
// Host -> webview: `{ command: 'state', args: ViewState }`, the whole view model, after `ready` and on every change.
import type { AssessmentSummary, TopicAssessment } from './assessment';
import { isRating, type Rating } from './ratings';
import { isDrillId } from './model';
import { isPlainObject } from './store';
import type { Tip } from './tips';
import { isTopicId, type TopicId } from './topics';

export type WebviewRequest =
  | { command: 'ready' }
  | { command: 'setRating'; args: { topic: TopicId; rating: Rating } }
  | { command: 'clearRating'; args: { topic: TopicId } }
  | { command: 'practise'; args: { topic: TopicId } }
  | { command: 'resetRatings' }
  | { command: 'openDrill'; args: { id: string } };

export type WebviewCommand = WebviewRequest['command'];
export const WEBVIEW_COMMANDS: readonly WebviewCommand[] = ['ready', 'setRating', 'clearRating', 'practise', 'resetRatings', 'openDrill'];

/** A validated message from the webview; `req`, when present, asks for a response. */
export type WebviewMessage = WebviewRequest & { req?: number };

/** Everything the panel shows. */
export interface ViewState {
  summary: AssessmentSummary;
  topics: TopicAssessment[];
  tips: readonly Tip[];
}

export type HostMessage =
  | { command: 'state'; args: ViewState }
  | { seq: number; res: unknown }
  | { seq: number; err: string };

/** Why a message from the webview was refused; `req` is kept (when it was readable) so the host can answer it. */
export interface ProtocolError {
  error: string;
  req?: number;
}

export function isProtocolError(v: WebviewMessage | ProtocolError): v is ProtocolError {
  return 'error' in v;
}

function isRequestId(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/**
 * Validates a message from the webview. Refused: anything not a plain object, unknown commands or keys, a `req` that
 * is not a non-negative integer, arguments missing or of the wrong type, ratings outside 1-5, unknown topics.
 */
export function parseWebviewMessage(raw: unknown): WebviewMessage | ProtocolError {
  if (!isPlainObject(raw)) return { error: 'a message must be an object' };
  const req = raw.req;
  if (req !== undefined && !isRequestId(req)) return { error: '"req" must be a non-negative integer' };
  const fail = (error: string): ProtocolError => (req === undefined ? { error } : { error, req });
  const extra = Object.keys(raw).filter((k) => k !== 'command' && k !== 'args' && k !== 'req');
  if (extra.length > 0) return fail(`unexpected key ${JSON.stringify(extra[0])}`);
  const command = raw.command;
  if (typeof command !== 'string') return fail('"command" must be a string');
  if (!(WEBVIEW_COMMANDS as readonly string[]).includes(command)) return fail(`unknown command ${JSON.stringify(command.slice(0, 60))}`);
  const withReq = <T extends WebviewRequest>(m: T): WebviewMessage => (req === undefined ? m : { ...m, req });

  const args = raw.args;
  const noArgs = (): string | undefined =>
    args === undefined || (isPlainObject(args) && Object.keys(args).length === 0) ? undefined : `"${command}" takes no arguments`;
  const argsWith = (...keys: string[]): Record<string, unknown> | string => {
    if (!isPlainObject(args)) return `"${command}" needs arguments {${keys.join(', ')}}`;
    const unknown = Object.keys(args).find((k) => !keys.includes(k));
    return unknown === undefined ? args : `"${command}" has no argument ${JSON.stringify(unknown)}`;
  };
  const topicOf = (a: Record<string, unknown>): TopicId | string =>
    isTopicId(a.topic) ? a.topic : `unknown topic ${JSON.stringify(a.topic)?.slice(0, 60) ?? 'undefined'}`;

  switch (command) {
    case 'ready':
    case 'resetRatings': {
      const problem = noArgs();
      return problem ? fail(problem) : withReq({ command });
    }
    case 'setRating': {
      const a = argsWith('topic', 'rating');
      if (typeof a === 'string') return fail(a);
      const topic = topicOf(a);
      if (!isTopicId(topic)) return fail(topic);
      if (!isRating(a.rating)) return fail(`a rating is a whole number from 1 to 5, not ${JSON.stringify(a.rating) ?? 'undefined'}`);
      return withReq({ command, args: { topic, rating: a.rating } });
    }
    case 'clearRating':
    case 'practise': {
      const a = argsWith('topic');
      if (typeof a === 'string') return fail(a);
      const topic = topicOf(a);
      if (!isTopicId(topic)) return fail(topic);
      return withReq({ command, args: { topic } });
    }
    case 'openDrill': {
      const a = argsWith('id');
      if (typeof a === 'string') return fail(a);
      if (!isDrillId(a.id)) return fail('"openDrill" needs a drill id (lower-case letters and digits joined by hyphens)');
      return withReq({ command, args: { id: a.id } });
    }
  }
  return fail(`unknown command ${JSON.stringify(command)}`);
}

/** Loose shape check for the webview side (the host is trusted, but a stray message must not break the page). */
export function isHostMessage(raw: unknown): raw is HostMessage {
  if (!isPlainObject(raw)) return false;
  if (raw.command === 'state') {
    const a = raw.args;
    return isPlainObject(a) && isPlainObject(a.summary) && Array.isArray(a.topics) && Array.isArray(a.tips);
  }
  return isRequestId(raw.seq) && ('res' in raw || typeof raw.err === 'string');
}

// ---------------------------------------------------------------------------------------------------------------
// The page.

export interface PanelPage {
  /** webview.cspSource */
  cspSource: string;
  /** webview.asWebviewUri(...) of dist/webview.js and media/panel.css, as strings. */
  scriptUri: string;
  styleUri: string;
  /** A fresh random nonce per page load (base64 characters only). */
  nonce: string;
}

function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return `default-src 'none'; style-src ${cspSource}; script-src 'nonce-${nonce}'; img-src ${cspSource}`;
}

/**
 * The panel's HTML: nothing but the CSP, the stylesheet and the script; the script builds the page from the
 * first `state` message. No inline script or style, no data in the markup.
 */
export function panelHtml(p: PanelPage): string {
  if (!/^[A-Za-z0-9+/_-]+=*$/.test(p.nonce)) throw new Error('panelHtml: the nonce must be base64 characters');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(p.cspSource, p.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(p.styleUri)}">
<title>Self-Assessment</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="loading">Loading the self-assessment…</p></main>
<script nonce="${p.nonce}" src="${attr(p.scriptUri)}"></script>
</body>
</html>
`;
}
