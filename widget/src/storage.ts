/** Conversation and visitor-token persistence in localStorage, namespaced by site key. */
import type { Citation, Rating } from './types';

export type HandoffStatus = 'open' | 'sent' | 'declined';

export interface HandoffState {
  status: HandoffStatus;
  /** Why it was offered: the answer was declined, or the visitor asked for a person. */
  reason: 'unanswered' | 'requested';
  question: string;
  email: string;
  name: string;
  /** The server's acknowledgement once sent. */
  ack?: string;
}

export interface StoredMessage {
  id: string;
  role: 'user' | 'bot' | 'handoff';
  text: string;
  ts: number;
  /** bot: the question it answers (used for retry and handoff). */
  question?: string;
  citations?: Citation[];
  answered?: boolean;
  messageId?: string | number;
  domain?: string | null;
  feedback?: Rating;
  /** handoff: the card's state. */
  handoff?: HandoffState;
}

export interface StoredConversation {
  conversationId: string | null;
  messages: StoredMessage[];
}

export interface VisitorToken {
  token: string;
  expiresAt: string | null;
}

export const MAX_MESSAGES = 100;
const VERSION = 'v1';

/** Returns window.localStorage when it is usable (it throws in some privacy modes), else null. */
export function defaultStorage(): Storage | null {
  try {
    const s = window.localStorage;
    const probe = '__cellardoor_probe__';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function cleanCitation(c: unknown): Citation | null {
  if (!isObj(c)) return null;
  return {
    path: str(c.path) ?? null,
    title: str(c.title) ?? null,
    domain: str(c.domain) ?? null,
    score: typeof c.score === 'number' ? c.score : null,
    url: str(c.url) ?? null,
  };
}

function cleanHandoff(h: unknown): HandoffState | undefined {
  if (!isObj(h)) return undefined;
  const status = h.status === 'open' || h.status === 'sent' || h.status === 'declined' ? h.status : undefined;
  if (!status) return undefined;
  return {
    status,
    reason: h.reason === 'requested' ? 'requested' : 'unanswered',
    question: str(h.question) ?? '',
    email: str(h.email) ?? '',
    name: str(h.name) ?? '',
    ...(str(h.ack) !== undefined ? { ack: str(h.ack) } : {}),
  };
}

/** Validates one stored message; returns null for anything malformed. */
export function cleanMessage(m: unknown): StoredMessage | null {
  if (!isObj(m)) return null;
  const role = m.role === 'user' || m.role === 'bot' || m.role === 'handoff' ? m.role : null;
  const id = str(m.id);
  if (!role || !id) return null;
  const out: StoredMessage = { id, role, text: str(m.text) ?? '', ts: typeof m.ts === 'number' ? m.ts : 0 };
  if (str(m.question) !== undefined) out.question = str(m.question);
  if (Array.isArray(m.citations)) out.citations = m.citations.map(cleanCitation).filter((c): c is Citation => !!c);
  if (typeof m.answered === 'boolean') out.answered = m.answered;
  if (typeof m.messageId === 'string' || typeof m.messageId === 'number') out.messageId = m.messageId;
  if (typeof m.domain === 'string') out.domain = m.domain;
  if (m.feedback === 'up' || m.feedback === 'down') out.feedback = m.feedback;
  if (role === 'handoff') {
    const h = cleanHandoff(m.handoff);
    if (!h) return null;
    out.handoff = h;
  }
  return out;
}

export class WidgetStore {
  private memory = new Map<string, string>();
  private readonly prefix: string;

  constructor(
    siteKey: string,
    private readonly storage: Storage | null = defaultStorage(),
  ) {
    this.prefix = `cellardoor:${VERSION}:${siteKey}:`;
  }

  private get(key: string): string | null {
    const k = this.prefix + key;
    if (this.storage) {
      try {
        return this.storage.getItem(k);
      } catch {
        /* fall through to memory */
      }
    }
    return this.memory.get(k) ?? null;
  }

  private set(key: string, value: string | null): void {
    const k = this.prefix + key;
    if (value === null) this.memory.delete(k);
    else this.memory.set(k, value);
    if (!this.storage) return;
    try {
      if (value === null) this.storage.removeItem(k);
      else this.storage.setItem(k, value);
    } catch {
      /* quota exceeded or storage disabled: the in-memory copy still serves this page */
    }
  }

  private json(key: string): unknown {
    const raw = this.get(key);
    if (!raw) return null;
    try {
      return JSON.parse(raw);
    } catch {
      return null;
    }
  }

  loadConversation(): StoredConversation {
    const data = this.json('conversation');
    if (!isObj(data) || !Array.isArray(data.messages)) return { conversationId: null, messages: [] };
    const messages = data.messages.map(cleanMessage).filter((m): m is StoredMessage => !!m);
    return { conversationId: str(data.conversationId) ?? null, messages };
  }

  saveConversation(c: StoredConversation): void {
    const messages = c.messages.slice(-MAX_MESSAGES);
    this.set('conversation', JSON.stringify({ conversationId: c.conversationId, messages }));
  }

  clearConversation(): void {
    this.set('conversation', null);
  }

  /** The stored visitor token, or null when absent or expired. */
  loadVisitor(now: number = Date.now()): VisitorToken | null {
    const data = this.json('visitor');
    if (!isObj(data) || !str(data.token)) return null;
    const expiresAt = str(data.expiresAt) ?? null;
    if (expiresAt) {
      const t = Date.parse(expiresAt);
      if (!Number.isNaN(t) && t <= now) return null;
    }
    return { token: data.token as string, expiresAt };
  }

  saveVisitor(v: VisitorToken): void {
    this.set('visitor', JSON.stringify(v));
  }

  clearVisitor(): void {
    this.set('visitor', null);
  }
}
