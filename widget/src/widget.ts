/** The chat widget: launcher, panel, conversation, feedback and handoff, all in a shadow root. */
import { Api, ApiError } from './api';
import { h, icon, ICONS, uid } from './dom';
import { detectHandoffIntent, isValidEmail, pickHandoffQuestion } from './handoff';
import { BUILT_IN, browserLanguages, chooseLocale, format, stringsFor, type Strings } from './i18n';
import { renderMarkdown, safeUrl } from './markdown';
import { defaultStorage, WidgetStore, type HandoffState, type StoredConversation, type StoredMessage } from './storage';
import css from './styles.css?inline';
import type { Citation, DoneEvent, MetaEvent, Rating, WidgetConfig } from './types';

export interface WidgetOptions {
  siteKey: string;
  /** Origin (or base URL) of the Cellar Door server. */
  apiBase: string;
  /** Explicit UI locale (data-locale / locale attribute). */
  locale?: string | null;
  /** Where `cellardoor:*` events are dispatched; defaults to the host element. */
  eventTarget?: EventTarget | null;
  fetch?: typeof fetch;
  /** Storage for the conversation; defaults to localStorage (null: memory only). */
  storage?: Storage | null;
  /** Longest wait, in ms, for config and theme before the launcher shows anyway. */
  revealTimeout?: number;
}

const raf: (cb: () => void) => void =
  typeof requestAnimationFrame === 'function' ? (cb) => requestAnimationFrame(() => cb()) : (cb) => setTimeout(cb, 16);

// !important on every declaration: a page rule like `* { all: unset !important }` must not move or bury the host.
const HOST_STYLE = [
  'all: initial',
  'position: fixed',
  'z-index: 2147483647',
  'top: 0',
  'left: 0',
  'width: 0',
  'height: 0',
  'display: block',
  'overflow: visible',
]
  .map((declaration) => `${declaration} !important;`)
  .join(' ');

/** Shows or hides an element in the top layer when the Popover API exists; errors mean it already is. */
function setPopover(el: HTMLElement, show: boolean): void {
  if (!supportsPopover(el)) return;
  const p = el as HTMLElement & { showPopover(): void; hidePopover(): void };
  try {
    if (show) p.showPopover();
    else p.hidePopover();
  } catch {
    /* already in that state, or not connected */
  }
}

function supportsPopover(el: HTMLElement): boolean {
  return typeof (el as HTMLElement & { showPopover?: unknown }).showPopover === 'function' && 'popover' in el;
}

function newId(): string {
  return Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
}

function citationKey(c: Citation): string {
  return c.url || c.path || c.title || '';
}

export class Widget {
  readonly host: HTMLElement;
  readonly shadow: ShadowRoot;
  readonly api: Api;
  private readonly store: WidgetStore;
  private readonly root: HTMLDivElement;
  private readonly launcher: HTMLButtonElement;
  private readonly panel: HTMLDivElement;
  private readonly titleEl: HTMLHeadingElement;
  private readonly newBtn: HTMLButtonElement;
  private readonly closeBtn: HTMLButtonElement;
  private readonly log: HTMLDivElement;
  private readonly inputLabel: HTMLLabelElement;
  private readonly input: HTMLTextAreaElement;
  private readonly sendBtn: HTMLButtonElement;
  private themeLink: HTMLLinkElement | null = null;

  config: WidgetConfig = {};
  configState: 'loading' | 'ok' | 'failed' | 'unavailable' = 'loading';
  locale: string;
  t: Strings;
  conv: StoredConversation;
  isOpen = false;
  busy = false;

  private elements = new Map<string, HTMLElement>();
  private suggestionsEl: HTMLElement | null = null;
  private referenceEl: HTMLElement | null = null;
  private visitorRef: string | null = null;
  private errorEl: HTMLElement | null = null;
  private streaming: StoredMessage | null = null;
  private renderQueued = false;
  private abort: AbortController | null = null;
  private sessionPromise: Promise<void> | null = null;
  private cooldownUntil = 0;
  private cooldownTimer: ReturnType<typeof setInterval> | null = null;
  private stick = true;
  private destroyed = false;
  private readonly ids = { panel: uid('cd-panel'), title: uid('cd-title'), input: uid('cd-input') };

  constructor(readonly opts: WidgetOptions) {
    this.api = new Api(opts.apiBase, opts.siteKey, opts.fetch);
    this.store = new WidgetStore(opts.siteKey, opts.storage === undefined ? defaultStorage() : opts.storage);
    this.conv = this.store.loadConversation();
    this.locale = chooseLocale(opts.locale, null, browserLanguages());
    this.t = stringsFor(this.locale);

    this.host = document.createElement('div');
    this.host.setAttribute('data-cellardoor-widget', '');
    this.host.style.cssText = HOST_STYLE;
    this.shadow = this.host.attachShadow({ mode: 'open' });
    this.adoptStyles();

    this.launcher = h('button', {
      type: 'button',
      class: 'launcher',
      'data-testid': 'launcher',
      // In the top layer, like the panel, so page overlays with any z-index cannot cover it.
      popover: 'manual',
      'aria-expanded': 'false',
      'aria-controls': this.ids.panel,
      'aria-haspopup': 'dialog',
      onclick: () => this.toggle(),
    });

    this.titleEl = h('h2', { class: 'title', id: this.ids.title });
    this.newBtn = h(
      'button',
      { type: 'button', class: 'icon-btn', 'data-testid': 'new-conversation', onclick: () => this.newConversation() },
      icon(ICONS.refresh),
    );
    this.closeBtn = h(
      'button',
      { type: 'button', class: 'icon-btn', 'data-testid': 'close', onclick: () => this.close(true) },
      icon(ICONS.close),
    );
    this.log = h('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions text', 'data-testid': 'messages' });
    this.log.addEventListener('scroll', () => {
      this.stick = this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 48;
    });
    this.inputLabel = h('label', { class: 'sr-only', for: this.ids.input });
    this.input = h('textarea', {
      id: this.ids.input,
      rows: 1,
      maxlength: 2000,
      autocomplete: 'off',
      'data-testid': 'input',
      oninput: () => this.autosize(),
      onkeydown: (e: Event) => {
        const k = e as KeyboardEvent;
        if (k.key === 'Enter' && !k.shiftKey && !k.isComposing && k.keyCode !== 229) {
          k.preventDefault();
          void this.submit(this.input.value);
        }
      },
    });
    this.sendBtn = h('button', { type: 'submit', class: 'send', 'data-testid': 'send' }, icon(ICONS.send));
    const form = h(
      'form',
      {
        class: 'composer',
        'data-testid': 'composer',
        onsubmit: (e: Event) => {
          e.preventDefault();
          void this.submit(this.input.value);
        },
      },
      this.inputLabel,
      this.input,
      this.sendBtn,
    );

    this.panel = h(
      'div',
      {
        id: this.ids.panel,
        class: 'panel',
        role: 'dialog',
        'aria-modal': 'false',
        'aria-labelledby': this.ids.title,
        'data-testid': 'panel',
        popover: 'manual',
      },
      h('div', { class: 'header' }, this.titleEl, this.newBtn, this.closeBtn),
      this.log,
      form,
    );

    this.root = h('div', { class: 'root', 'data-pending': true }, this.launcher, this.panel);
    this.root.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.isOpen) {
        e.preventDefault();
        e.stopPropagation();
        this.close(true);
      }
    });
    this.shadow.appendChild(this.root);

    this.applyLabels();
    this.renderLog();
    this.updateComposer();
    document.body.appendChild(this.host);

    setTimeout(() => this.reveal(), opts.revealTimeout ?? 3000);
    void this.loadConfig();
  }

  // ---------------------------------------------------------------- set-up

  private adoptStyles(): void {
    const root = this.shadow as ShadowRoot & { adoptedStyleSheets?: CSSStyleSheet[] };
    try {
      // Constructable stylesheets are not blocked by a page's style-src CSP, unlike <style>.
      if (Array.isArray(root.adoptedStyleSheets) && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        root.adoptedStyleSheets = [sheet];
        return;
      }
    } catch {
      /* fall back to a <style> element */
    }
    const style = document.createElement('style');
    style.textContent = css;
    this.shadow.appendChild(style);
  }

  private reveal(): void {
    this.root.removeAttribute('data-pending');
    if (this.configState !== 'unavailable' && !this.destroyed) {
      setPopover(this.launcher, true);
    }
  }

  async loadConfig(): Promise<void> {
    this.configState = 'loading';
    try {
      const config = await this.api.config();
      if (this.destroyed) return;
      this.config = config && typeof config === 'object' ? config : {};
      this.configState = 'ok';
      this.applyConfig();
    } catch (e) {
      if (this.destroyed) return;
      const err = e as ApiError;
      if (err instanceof ApiError && err.kind === 'http' && [401, 403, 404].includes(err.status)) {
        // A wrong site key or an origin the site does not allow: stay out of the visitor's way.
        this.configState = 'unavailable';
        this.host.style.setProperty('display', 'none', 'important');
        // A popover in the top layer still renders under a display:none host, so hide the launcher itself too.
        setPopover(this.launcher, false);
        this.launcher.style.setProperty('display', 'none', 'important');
        console.warn(
          `[CellarDoor] The chat widget is disabled: ${err.code === 'origin-not-allowed' ? `this page's origin (${location.origin}) is not allowed for site key "${this.opts.siteKey}"` : err.message} (HTTP ${err.status}).`,
        );
      } else {
        this.configState = 'failed';
      }
      this.reveal();
    }
  }

  private applyConfig(): void {
    const c = this.config;
    const strings = c.strings && typeof c.strings === 'object' ? c.strings : {};
    const available = [...new Set([...Object.keys(BUILT_IN), ...Object.keys(strings)])];
    this.locale = chooseLocale(this.opts.locale, c.locale, browserLanguages(), available);
    this.t = stringsFor(this.locale, strings[this.locale]);
    const theme = typeof c.theme === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(c.theme) ? c.theme : null;
    if (theme) {
      const href = `${this.api.base.replace(/\/+$/, '')}/widget/themes/${theme}.css`;
      if (this.themeLink?.getAttribute('href') !== href) {
        this.themeLink?.remove();
        const link = h('link', { rel: 'stylesheet', href });
        const done = () => this.reveal();
        link.addEventListener('load', done);
        link.addEventListener('error', done);
        setTimeout(done, 1500);
        this.shadow.insertBefore(link, this.root);
        this.themeLink = link;
      }
    } else {
      this.reveal();
    }
    const localeChanged = this.root.lang !== this.locale;
    this.applyLabels();
    if (localeChanged) this.renderLog();
    else this.log.firstElementChild?.replaceWith(this.renderIntro());
    this.emit('ready', { locale: this.locale });
  }

  private overrides(): Record<string, unknown> {
    const s = this.config.strings;
    const o = s && typeof s === 'object' ? s[this.locale] : null;
    return o && typeof o === 'object' ? o : {};
  }

  private greeting(): string {
    const o = this.overrides();
    if (typeof o.greeting === 'string' && o.greeting.trim()) return o.greeting;
    return (typeof this.config.greeting === 'string' && this.config.greeting.trim()) || this.t.greeting;
  }

  private suggestions(): string[] {
    const o = this.overrides();
    const list = Array.isArray(o.suggestions) ? o.suggestions : this.config.suggestions;
    return Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string' && !!s.trim()).slice(0, 6) : [];
  }

  private applyLabels(): void {
    const t = this.t;
    this.root.lang = this.locale;
    this.launcher.setAttribute('aria-label', this.isOpen ? t.closeChat : t.openChat);
    this.launcher.title = this.isOpen ? t.closeChat : t.openChat;
    this.titleEl.textContent = (typeof this.config.name === 'string' && this.config.name.trim()) || t.defaultTitle;
    for (const [btn, label] of [
      [this.newBtn, t.newConversation],
      [this.closeBtn, t.close],
      [this.sendBtn, t.send],
    ] as const) {
      btn.setAttribute('aria-label', label);
      btn.title = label;
    }
    this.log.setAttribute('aria-label', t.conversation);
    this.inputLabel.textContent = t.inputLabel;
    this.input.placeholder = t.placeholder;
  }

  // ---------------------------------------------------------------- open / close

  open(): void {
    if (this.isOpen || this.destroyed || this.configState === 'unavailable') return;
    this.isOpen = true;
    this.panel.setAttribute('data-open', '');
    if (supportsPopover(this.panel)) {
      try {
        (this.panel as HTMLElement & { showPopover(): void }).showPopover();
      } catch {
        /* already showing or not connected: the data-open fallback still shows it */
      }
    }
    this.launcher.setAttribute('aria-expanded', 'true');
    this.applyLabels();
    this.scrollToBottom(true);
    this.input.focus();
    if (this.configState === 'failed') void this.loadConfig();
    this.ensureSession().catch(() => {
      /* reported when the visitor sends */
    });
    this.emit('open');
  }

  close(restoreFocus = !!this.shadow.activeElement): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    if (supportsPopover(this.panel)) {
      try {
        (this.panel as HTMLElement & { hidePopover(): void }).hidePopover();
      } catch {
        /* not showing */
      }
    }
    this.panel.removeAttribute('data-open');
    this.launcher.setAttribute('aria-expanded', 'false');
    this.applyLabels();
    if (restoreFocus) this.launcher.focus();
    this.emit('close');
  }

  toggle(): void {
    if (this.isOpen) this.close(true);
    else this.open();
  }

  destroy(): void {
    this.destroyed = true;
    this.abort?.abort();
    this.stopCooldown();
    this.host.remove();
  }

  // ---------------------------------------------------------------- session

  /** Creates (or renews) the visitor session once; `force` drops the current token first. */
  ensureSession(force = false): Promise<void> {
    if (this.api.token && !force) return Promise.resolve();
    if (this.sessionPromise) return this.sessionPromise;
    if (force) {
      this.api.token = null;
      this.store.clearVisitor();
    }
    const stored = this.store.loadVisitor();
    this.sessionPromise = this.api
      .session(stored?.token ?? null)
      .then((r) => {
        this.api.token = r.visitorToken;
        this.store.saveVisitor({ token: r.visitorToken, expiresAt: r.expiresAt ?? null });
        if (typeof r.visitorId === 'string' && r.visitorId) this.showReference(r.visitorId);
      })
      .finally(() => {
        this.sessionPromise = null;
      });
    return this.sessionPromise;
  }

  /** Runs a call with a session, renewing the session once if the server says it expired (401). */
  private async withSession<T>(fn: () => Promise<T>): Promise<T> {
    await this.ensureSession();
    try {
      return await fn();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        await this.ensureSession(true);
        return fn();
      }
      throw e;
    }
  }

  // ---------------------------------------------------------------- conversation

  /**
   * Persists the conversation. An answer still streaming (or one that failed) is not stored, nor is
   * a question left without an answer at the end: a reload shows only completed turns.
   */
  private save(): void {
    const messages = this.conv.messages.filter((m) => m.role !== 'bot' || m.answered !== undefined);
    while (messages.length && messages[messages.length - 1].role === 'user') messages.pop();
    this.store.saveConversation({ conversationId: this.conv.conversationId, messages });
  }

  newConversation(): void {
    this.abort?.abort();
    this.abort = null;
    this.streaming = null;
    this.busy = false;
    this.conv = { conversationId: null, messages: [] };
    this.store.clearConversation();
    this.clearError();
    this.renderLog();
    this.updateComposer();
    this.input.value = '';
    this.autosize();
    if (this.isOpen) this.input.focus();
    this.emit('newconversation');
  }

  /** Sends a visitor message (from the input, a suggestion chip or the API). */
  async submit(text: string): Promise<void> {
    const q = (text || '').trim();
    if (!q || this.busy || this.coolingDown()) return;
    this.clearError();
    const user: StoredMessage = { id: newId(), role: 'user', text: q, ts: Date.now() };
    this.conv.messages.push(user);
    this.save();
    this.log.appendChild(this.renderMessage(user));
    if (this.suggestionsEl) this.suggestionsEl.hidden = true;
    this.input.value = '';
    this.autosize();
    this.scrollToBottom(true);
    this.emit('question', { conversationId: this.conv.conversationId });
    await this.runTurn(q);
  }

  private previousQuestion(q: string): string | null {
    const users = this.conv.messages.filter((m) => m.role === 'user');
    // The last one is q itself.
    for (let i = users.length - 2; i >= 0; i--) if (users[i].text !== q) return users[i].text;
    return null;
  }

  private async runTurn(q: string): Promise<void> {
    this.busy = true;
    this.updateComposer();
    const bot: StoredMessage = { id: newId(), role: 'bot', text: '', ts: Date.now(), question: q, citations: [] };
    this.conv.messages.push(bot);
    this.streaming = bot;
    this.log.appendChild(this.renderMessage(bot));
    this.scrollToBottom(true);

    const ctrl = new AbortController();
    this.abort = ctrl;
    let done: DoneEvent | null = null;
    let failure: unknown = null;

    const onEvent = (name: string, data: unknown) => {
      if (ctrl.signal.aborted) return;
      const d = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
      if (name === 'meta') {
        const m = d as MetaEvent;
        if (typeof m.conversationId === 'string' && m.conversationId) this.conv.conversationId = m.conversationId;
        if (typeof m.domain === 'string') bot.domain = m.domain;
      } else if (name === 'token') {
        const text = typeof data === 'string' ? data : typeof d.text === 'string' ? d.text : '';
        if (text) {
          bot.text += text;
          this.queueRender();
        }
      } else if (name === 'citation') {
        const c: Citation = {
          path: typeof d.path === 'string' ? d.path : null,
          title: typeof d.title === 'string' ? d.title : null,
          domain: typeof d.domain === 'string' ? d.domain : null,
          score: typeof d.score === 'number' ? d.score : null,
          url: typeof d.url === 'string' ? d.url : null,
        };
        const key = citationKey(c);
        if (key && !bot.citations!.some((x) => citationKey(x) === key)) bot.citations!.push(c);
        this.queueRender();
      } else if (name === 'done') {
        done = d as DoneEvent;
      } else if (name === 'error') {
        failure = new ApiError('stream', String(d.title || d.detail || 'Stream error'), 0, {
          type: typeof d.type === 'string' ? d.type : undefined,
          title: typeof d.title === 'string' ? d.title : undefined,
        });
      }
    };

    try {
      await this.withSession(() => {
        bot.text = '';
        bot.citations = [];
        return this.api.stream({ message: q, conversationId: this.conv.conversationId }, onEvent, ctrl.signal);
      });
      if (!done && !failure) failure = new ApiError('network', 'The answer stream ended early');
    } catch (e) {
      failure = e;
    }
    if (ctrl.signal.aborted || this.destroyed) return; // new conversation or destroyed meanwhile
    this.abort = null;
    this.streaming = null;
    this.busy = false;

    const intent = this.config.handoff !== false && detectHandoffIntent(q);
    const handoffQuestion = () => pickHandoffQuestion(q, this.previousQuestion(q));
    if (failure) {
      this.removeMessage(bot);
      this.save();
      this.showError(failure, q);
      if (intent) this.offerHandoff('requested', handoffQuestion());
    } else {
      const r = done as unknown as DoneEvent;
      if (typeof r.answer === 'string' && r.answer.trim()) bot.text = r.answer;
      if (typeof r.conversationId === 'string' && r.conversationId) this.conv.conversationId = r.conversationId;
      if (typeof r.messageId === 'string' || typeof r.messageId === 'number') bot.messageId = r.messageId;
      bot.answered = r.answered !== false;
      if (typeof r.domain === 'string') bot.domain = r.domain;
      this.save();
      this.updateBot(bot, true);
      this.emit('answer', {
        conversationId: this.conv.conversationId,
        messageId: bot.messageId ?? null,
        answered: bot.answered,
        domain: bot.domain ?? null,
      });
      if (this.config.handoff !== false) {
        if (intent) this.offerHandoff('requested', handoffQuestion());
        else if (!bot.answered) this.offerHandoff('unanswered', q);
      }
    }
    this.updateComposer();
    this.scrollToBottom();
  }

  private removeMessage(m: StoredMessage): void {
    this.conv.messages = this.conv.messages.filter((x) => x !== m);
    this.elements.get(m.id)?.remove();
    this.elements.delete(m.id);
  }

  // ---------------------------------------------------------------- errors and rate limits

  private coolingDown(): boolean {
    return Date.now() < this.cooldownUntil;
  }

  private updateComposer(): void {
    this.sendBtn.disabled = this.busy || this.coolingDown();
  }

  private clearError(): void {
    this.errorEl?.remove();
    this.errorEl = null;
  }

  private showError(e: unknown, q: string): void {
    this.clearError();
    const t = this.t;
    const err = e instanceof ApiError ? e : new ApiError('network', String((e as Error)?.message || e));
    let text = t.errorServer;
    let retry = true;
    let wait = 0;
    if (err.kind === 'network') {
      text = t.errorNetwork;
    } else if (err.status === 429) {
      wait = Math.max(1, Math.min(err.retryAfter ?? 10, 3600));
      const quota = /quota|budget|limit-reached|limit-exceeded|usage|plan/i.test(err.code);
      text = format(quota ? t.errorQuota : t.errorRateLimit, { s: wait });
    } else if (err.status === 413) {
      text = t.errorTooLong;
      retry = false;
    } else if (err.status === 403 || err.status === 404) {
      text = t.errorUnavailable;
      retry = false;
    } else if (err.status >= 400 && err.status < 500 && err.status !== 401 && err.status !== 408) {
      text = t.errorBadRequest;
      retry = false;
    }
    if (!retry) {
      // The same text would fail again: give it back to the visitor to edit.
      const last = this.conv.messages[this.conv.messages.length - 1];
      if (last?.role === 'user' && last.text === q) {
        this.removeMessage(last);
        this.save();
      }
      if (!this.input.value) {
        this.input.value = q;
        this.autosize();
      }
    }
    const retryBtn = retry
      ? h('button', {
          type: 'button',
          class: 'btn secondary',
          'data-testid': 'retry',
          text: t.retry,
          onclick: () => {
            if (this.busy || this.coolingDown()) return;
            this.clearError();
            void this.runTurn(q);
          },
        })
      : null;
    this.errorEl = h('div', { class: 'error', role: 'alert', 'data-testid': 'error' }, h('p', { text }), retryBtn);
    this.errorEl.dataset.status = String(err.status || err.kind);
    this.log.appendChild(this.errorEl);
    this.scrollToBottom(true);
    if (wait) this.startCooldown(wait, retryBtn);
    this.emit('error', { status: err.status || null, type: err.problem?.type ?? err.kind });
  }

  private stopCooldown(): void {
    if (this.cooldownTimer) clearInterval(this.cooldownTimer);
    this.cooldownTimer = null;
  }

  private startCooldown(seconds: number, retryBtn: HTMLButtonElement | null): void {
    this.stopCooldown();
    this.cooldownUntil = Date.now() + seconds * 1000;
    const tick = () => {
      const left = Math.ceil((this.cooldownUntil - Date.now()) / 1000);
      if (left <= 0) {
        this.stopCooldown();
        this.cooldownUntil = 0;
        if (retryBtn) {
          retryBtn.disabled = false;
          retryBtn.textContent = this.t.retry;
        }
      } else if (retryBtn) {
        retryBtn.disabled = true;
        retryBtn.textContent = format(this.t.retryIn, { s: left });
      }
      this.updateComposer();
    };
    tick();
    this.cooldownTimer = setInterval(tick, 1000);
  }

  // ---------------------------------------------------------------- rendering

  private autosize(): void {
    this.input.style.height = 'auto';
    const hgt = this.input.scrollHeight;
    if (hgt) this.input.style.height = Math.min(hgt + 2, 140) + 'px';
  }

  private scrollToBottom(force = false): void {
    if (force || this.stick) {
      this.log.scrollTop = this.log.scrollHeight;
      this.stick = true;
    }
  }

  /** The greeting and suggestion chips at the top of the log. */
  private renderIntro(): HTMLElement {
    const greeting = h(
      'div',
      { class: 'msg bot', 'data-testid': 'greeting' },
      h('div', { class: 'bubble md' }, renderMarkdown(this.greeting())),
    );
    const chips = this.suggestions().map((s) =>
      h('button', { type: 'button', class: 'chip', 'data-testid': 'suggestion', text: s, onclick: () => void this.submit(s) }),
    );
    this.suggestionsEl = chips.length
      ? h('div', { class: 'chips', role: 'group', 'aria-label': this.t.suggestions, 'data-testid': 'suggestions' }, ...chips)
      : null;
    if (this.suggestionsEl) this.suggestionsEl.hidden = this.conv.messages.some((m) => m.role === 'user');
    this.referenceEl = h('span', { class: 'reference', 'data-testid': 'privacy-reference' });
    if (this.visitorRef) this.referenceEl.textContent = ' ' + this.t.privacyReference.replace('{id}', this.visitorRef);
    const privacy = h(
      'p',
      { class: 'privacy', 'data-testid': 'privacy-notice' },
      h('span', { text: this.t.privacyNotice }),
      this.referenceEl,
    );
    return h('div', { class: 'intro' }, greeting, this.suggestionsEl, privacy);
  }

  /** Shows the visitor's reference (their visitor id) in the privacy notice. */
  private showReference(id: string): void {
    this.visitorRef = id;
    if (this.referenceEl) this.referenceEl.textContent = ' ' + this.t.privacyReference.replace('{id}', id);
  }

  /** Renders the whole log from the conversation (on start, new conversation or a locale change). */
  private renderLog(): void {
    this.elements.clear();
    this.log.replaceChildren(this.renderIntro());
    for (const m of this.conv.messages) this.log.appendChild(this.renderMessage(m));
    if (this.errorEl) this.log.appendChild(this.errorEl);
    this.scrollToBottom(true);
  }

  private renderMessage(m: StoredMessage): HTMLElement {
    let el: HTMLElement;
    if (m.role === 'user') {
      el = h(
        'div',
        { class: 'msg user', 'data-testid': 'message', 'data-role': 'user' },
        h('span', { class: 'sr-only', text: this.t.you + ' ' }),
        h('div', { class: 'bubble', text: m.text }),
      );
    } else if (m.role === 'bot') {
      el = h('div', { class: 'msg bot', 'data-testid': 'message', 'data-role': 'bot' });
      this.elements.set(m.id, el);
      this.updateBot(m, m !== this.streaming);
      return el;
    } else {
      el = this.renderHandoff(m);
    }
    this.elements.set(m.id, el);
    return el;
  }

  private queueRender(): void {
    if (this.renderQueued) return;
    this.renderQueued = true;
    raf(() => {
      this.renderQueued = false;
      if (this.streaming) this.updateBot(this.streaming, false);
    });
  }

  /** (Re)renders a bot message: text, sources, and, once final, its feedback controls. */
  private updateBot(m: StoredMessage, final: boolean): void {
    const el = this.elements.get(m.id);
    if (!el) return;
    const t = this.t;
    if (final) el.removeAttribute('aria-busy');
    else el.setAttribute('aria-busy', 'true');
    if (m.messageId !== undefined) el.dataset.messageId = String(m.messageId);
    if (m.answered === false) el.dataset.answered = 'false';
    else el.removeAttribute('data-answered');

    const body = h('div', { class: 'md', 'data-testid': 'message-text' });
    if (m.text) body.appendChild(renderMarkdown(m.text));
    else if (!final) body.appendChild(h('span', { class: 'typing', title: t.thinking }, h('span'), h('span'), h('span'), h('span', { class: 'sr-only', text: t.thinking })));
    const children: (HTMLElement | null)[] = [h('span', { class: 'sr-only', text: t.assistant + ' ' }), h('div', { class: 'bubble' }, body)];

    const cites = this.config.citations === false ? [] : m.citations || [];
    if (cites.length) {
      const labelId = uid('cd-src');
      children.push(
        h(
          'div',
          { class: 'sources', 'data-testid': 'sources' },
          h('span', { class: 'sources-label', id: labelId, text: t.sources }),
          h('ul', { 'aria-labelledby': labelId }, ...cites.map((c) => h('li', null, this.renderCitation(c)))),
        ),
      );
    }
    if (final && m.messageId !== undefined && m.messageId !== null) children.push(this.renderFeedback(m));
    el.replaceChildren(...children.filter((c): c is HTMLElement => !!c));
    this.scrollToBottom();
  }

  private renderCitation(c: Citation): HTMLElement {
    const label = (c.title && c.title.trim()) || (c.path || '').split('/').pop()?.replace(/\.md$/i, '') || c.path || '';
    const href = safeUrl(c.url, ['https:']);
    if (href) {
      return h('a', {
        class: 'chip',
        href,
        target: '_blank',
        rel: 'noopener noreferrer nofollow',
        'data-testid': 'citation',
        'data-path': c.path || '',
        text: label,
      });
    }
    return h('span', { class: 'chip', 'data-testid': 'citation', 'data-path': c.path || '', text: label });
  }

  // ---------------------------------------------------------------- feedback

  private renderFeedback(m: StoredMessage): HTMLElement {
    const t = this.t;
    const group = h('div', { class: 'feedback', role: 'group', 'aria-label': t.wasHelpful, 'data-testid': 'feedback' });
    const thumb = (rating: Rating) =>
      h(
        'button',
        {
          type: 'button',
          class: `thumb ${rating}`,
          'data-testid': rating === 'up' ? 'thumbs-up' : 'thumbs-down',
          'aria-label': rating === 'up' ? t.helpful : t.notHelpful,
          title: rating === 'up' ? t.helpful : t.notHelpful,
          'aria-pressed': m.feedback === rating ? 'true' : 'false',
          disabled: !!m.feedback,
        },
        icon(ICONS.thumb),
      );
    const up = thumb('up');
    const down = thumb('down');
    const errorEl = h('p', { class: 'form-error', role: 'alert', hidden: true });
    let commentForm: HTMLFormElement | null = null;

    const send = async (rating: Rating, comment?: string, submit?: HTMLButtonElement) => {
      up.disabled = down.disabled = true;
      if (submit) submit.disabled = true;
      errorEl.hidden = true;
      try {
        await this.withSession(() => this.api.feedback(m.messageId!, rating, comment));
        m.feedback = rating;
        this.save();
        up.setAttribute('aria-pressed', String(rating === 'up'));
        down.setAttribute('aria-pressed', String(rating === 'down'));
        commentForm?.remove();
        group.appendChild(h('span', { class: 'thanks', 'data-testid': 'feedback-thanks', text: t.feedbackThanks }));
        this.emit('feedback', { messageId: m.messageId, rating });
      } catch {
        errorEl.textContent = t.feedbackError;
        errorEl.hidden = false;
        up.disabled = down.disabled = false;
        if (submit) submit.disabled = false;
      }
    };

    up.addEventListener('click', () => {
      commentForm?.remove();
      commentForm = null;
      down.setAttribute('aria-pressed', 'false');
      void send('up');
    });
    down.addEventListener('click', () => {
      if (commentForm) {
        commentForm.querySelector('textarea')?.focus();
        return;
      }
      up.setAttribute('aria-pressed', 'false');
      down.setAttribute('aria-pressed', 'true');
      const id = uid('cd-fb');
      const area = h('textarea', { id, class: 'input', rows: 2, maxlength: 1000, 'data-testid': 'feedback-comment' });
      const submit = h('button', { type: 'submit', class: 'btn', 'data-testid': 'feedback-submit', text: t.sendFeedback });
      commentForm = h(
        'form',
        {
          class: 'comment',
          'data-testid': 'feedback-form',
          onsubmit: (e: Event) => {
            e.preventDefault();
            void send('down', area.value, submit);
          },
        },
        h('label', { for: id, text: t.commentLabel }),
        area,
        h('div', { class: 'actions' }, submit),
      );
      group.insertBefore(commentForm, errorEl);
      area.focus();
    });
    group.append(up, down, errorEl);
    return group;
  }

  // ---------------------------------------------------------------- handoff

  /** Offers the handoff card; an open card is replaced, keeping what the visitor typed. */
  private offerHandoff(reason: HandoffState['reason'], question: string): void {
    let email = '';
    let name = '';
    for (const o of this.conv.messages.filter((m) => m.role === 'handoff' && m.handoff?.status === 'open')) {
      email = o.handoff!.email || email;
      name = o.handoff!.name || name;
      this.removeMessage(o);
    }
    const m: StoredMessage = {
      id: newId(),
      role: 'handoff',
      text: '',
      ts: Date.now(),
      handoff: { status: 'open', reason, question, email, name },
    };
    this.conv.messages.push(m);
    this.save();
    const el = this.renderMessage(m);
    if (this.errorEl) this.log.insertBefore(el, this.errorEl);
    else this.log.appendChild(el);
    this.scrollToBottom();
    this.emit('handoff', { status: 'offered', reason });
  }

  private renderHandoff(m: StoredMessage): HTMLElement {
    const s = m.handoff!;
    const t = this.t;
    if (s.status === 'declined') return h('div', { hidden: true, 'data-handoff': 'declined' });
    const titleId = uid('cd-ho');
    const card = h('div', { class: 'card', role: 'group', 'aria-labelledby': titleId, 'data-testid': 'handoff-card' });
    const title = h('h3', { id: titleId, text: t.handoffTitle });
    if (s.status === 'sent') {
      card.dataset.state = 'sent';
      card.append(title, h('p', { 'data-testid': 'handoff-ack', tabindex: -1, text: s.ack || t.handoffAck }));
      return card;
    }
    card.dataset.state = 'open';
    const ids = { intro: uid('cd-hi'), q: uid('cd-hq'), qe: uid('cd-hqe'), e: uid('cd-he'), ee: uid('cd-hee'), n: uid('cd-hn') };
    const question = h('textarea', {
      id: ids.q,
      class: 'input',
      rows: 3,
      maxlength: 2000,
      required: true,
      'aria-describedby': ids.qe,
      'data-testid': 'handoff-question',
    });
    question.value = s.question;
    const qErr = h('p', { id: ids.qe, class: 'field-error', hidden: true });
    const email = h('input', {
      id: ids.e,
      class: 'input',
      type: 'email',
      inputmode: 'email',
      autocomplete: 'email',
      spellcheck: 'false',
      required: true,
      maxlength: 254,
      'aria-describedby': ids.ee,
      'data-testid': 'handoff-email',
    });
    email.value = s.email;
    const eErr = h('p', { id: ids.ee, class: 'field-error', 'data-testid': 'handoff-email-error', hidden: true });
    const name = h('input', { id: ids.n, class: 'input', type: 'text', autocomplete: 'name', maxlength: 200, 'data-testid': 'handoff-name' });
    name.value = s.name;
    const formError = h('p', { class: 'form-error', role: 'alert', 'data-testid': 'handoff-error', hidden: true });
    const status = h('p', { class: 'status', role: 'status' });
    const submit = h('button', { type: 'submit', class: 'btn', 'data-testid': 'handoff-submit', text: t.handoffSend });
    const decline = h('button', { type: 'button', class: 'btn secondary', 'data-testid': 'handoff-decline', text: t.handoffDecline });

    const sync = () => {
      s.question = question.value;
      s.email = email.value;
      s.name = name.value;
      this.save();
    };
    const fieldError = (input: HTMLElement, errEl: HTMLElement, msg: string | null) => {
      errEl.textContent = msg || '';
      errEl.hidden = !msg;
      if (msg) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    };
    question.addEventListener('input', () => {
      sync();
      if (question.value.trim()) fieldError(question, qErr, null);
    });
    email.addEventListener('input', () => {
      sync();
      if (email.getAttribute('aria-invalid') && isValidEmail(email.value)) fieldError(email, eErr, null);
    });
    name.addEventListener('input', sync);

    const form = h(
      'form',
      {
        novalidate: true,
        'aria-describedby': ids.intro,
        'data-testid': 'handoff-form',
        onsubmit: (e: Event) => {
          e.preventDefault();
          void send();
        },
      },
      h('div', { class: 'field' }, h('label', { for: ids.q, text: t.handoffQuestion }), question, qErr),
      h('div', { class: 'field' }, h('label', { for: ids.e, text: t.handoffEmail }), email, eErr),
      h('div', { class: 'field' }, h('label', { for: ids.n, text: t.handoffName }), name),
      formError,
      status,
      h('div', { class: 'actions' }, submit, decline),
    );

    const send = async () => {
      sync();
      formError.hidden = true;
      const q = question.value.trim();
      const addr = email.value.trim();
      const qBad = !q;
      const eBad = !isValidEmail(addr);
      fieldError(question, qErr, qBad ? t.handoffQuestionMissing : null);
      fieldError(email, eErr, eBad ? t.handoffEmailInvalid : null);
      if (qBad || eBad) {
        (qBad ? question : email).focus();
        return;
      }
      submit.disabled = decline.disabled = true;
      form.setAttribute('aria-busy', 'true');
      status.textContent = t.handoffSending;
      try {
        const r = await this.withSession(() =>
          this.api.handoff({
            conversationId: this.conv.conversationId,
            question: q,
            email: addr,
            name: name.value.trim() || null,
          }),
        );
        s.status = 'sent';
        s.ack = (typeof r.message === 'string' && r.message.trim()) || t.handoffAck;
        this.save();
        const sent = this.renderHandoff(m);
        card.replaceWith(sent);
        this.elements.set(m.id, sent);
        (sent.querySelector('[data-testid="handoff-ack"]') as HTMLElement | null)?.focus();
        this.emit('handoff', { status: 'sent', id: r.id ?? null });
      } catch (e) {
        const err = e instanceof ApiError ? e : null;
        if (err?.status === 400 && /email/i.test(err.code)) {
          fieldError(email, eErr, t.handoffEmailInvalid);
          email.focus();
        } else if (err?.status === 429) {
          formError.textContent = format(/quota|budget|limit/i.test(err.code) ? t.errorQuota : t.errorRateLimit, {
            s: err.retryAfter ?? 10,
          });
          formError.hidden = false;
        } else {
          formError.textContent = err?.kind === 'network' ? t.errorNetwork : t.handoffError;
          formError.hidden = false;
        }
      } finally {
        status.textContent = '';
        form.removeAttribute('aria-busy');
        if (s.status !== 'sent') submit.disabled = decline.disabled = false;
      }
    };

    decline.addEventListener('click', () => {
      s.status = 'declined';
      this.save();
      card.remove();
      this.elements.delete(m.id);
      this.emit('handoff', { status: 'declined' });
      this.input.focus();
    });

    card.append(title, h('p', { id: ids.intro, text: s.reason === 'requested' ? t.handoffRequested : t.handoffUnanswered }), form);
    return card;
  }

  // ---------------------------------------------------------------- events

  private emit(name: string, detail: Record<string, unknown> = {}): void {
    const target = this.opts.eventTarget || this.host;
    try {
      target.dispatchEvent(
        new CustomEvent(`cellardoor:${name}`, { detail: { siteKey: this.opts.siteKey, ...detail }, bubbles: true, composed: true }),
      );
    } catch {
      /* a listener threw: never break the widget */
    }
  }
}
