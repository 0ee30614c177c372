/** Wire types of the widget API (see README.md, "Server API"). */

export interface WidgetConfig {
  siteKey?: string;
  name?: string | null;
  greeting?: string | null;
  suggestions?: string[] | null;
  theme?: string | null;
  locale?: string | null;
  handoff?: boolean | null;
  /** Shown under answers unless explicitly false. */
  citations?: boolean | null;
  /** Per-locale overrides of UI strings (and `greeting`, `suggestions`). */
  strings?: Record<string, Record<string, unknown>> | null;
}

export interface SessionResponse {
  visitorToken: string;
  expiresAt?: string | null;
  /** The visitor's reference for data requests (shown in the privacy notice). */
  visitorId?: string | null;
}

export interface Citation {
  path?: string | null;
  title?: string | null;
  domain?: string | null;
  score?: number | null;
  url?: string | null;
}

export interface MetaEvent {
  conversationId?: string | null;
  domain?: string | null;
}

export interface DoneEvent {
  conversationId?: string | null;
  messageId?: string | number | null;
  answered?: boolean | null;
  domain?: string | null;
  answer?: string | null;
  usage?: unknown;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  [k: string]: unknown;
}

export interface HandoffRequest {
  conversationId: string | null;
  question: string;
  email: string;
  name: string | null;
}

export interface HandoffResponse {
  id?: number | string;
  message?: string;
}

export type Rating = 'up' | 'down';
