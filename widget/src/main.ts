/**
 * Entry point of cellardoor-widget.js. Embeds:
 *   <script src="https://HOST/widget/cellardoor-widget.js" data-site-key="..." [data-locale="fr"] async></script>
 *   <cellardoor-chat site-key="..." [locale="es"] [api-base="https://HOST"]></cellardoor-chat>
 * The only global is window.CellarDoor.
 */
import { Widget, type WidgetOptions } from './widget';

// Captured at module start: document.currentScript is null once the script has finished running.
const ownScript = (document.currentScript as HTMLScriptElement | null) || findOwnScript();

function findOwnScript(): HTMLScriptElement | null {
  const list = document.querySelectorAll<HTMLScriptElement>('script[src*="cellardoor-widget"]');
  return list.length ? list[list.length - 1] : null;
}

function originOf(src: string | null | undefined): string | null {
  if (!src) return null;
  try {
    const u = new URL(src, location.href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

export interface CellarDoorApi {
  readonly version: string;
  /** Opens the (first) widget's panel. */
  open(): void;
  /** Closes every widget's panel. */
  close(): void;
  toggle(): void;
  /** Clears the stored conversation and starts over. */
  newConversation(): void;
  /** Sends a question as if the visitor typed it (opens the panel). */
  ask(question: string): void;
  /** Creates a widget programmatically. */
  init(options: { siteKey: string; locale?: string | null; apiBase?: string | null }): Widget;
  /** The widgets on this page. */
  readonly widgets: readonly Widget[];
}

type Win = Window & { CellarDoor?: CellarDoorApi };

function boot(): void {
  const win = window as Win;
  if (win.CellarDoor) {
    // Loaded twice: let the first copy handle this script tag's site key, if any.
    const key = ownScript?.dataset.siteKey;
    if (key && !win.CellarDoor.widgets.some((w) => w.opts.siteKey === key)) {
      whenBody(() => win.CellarDoor!.init({ siteKey: key, locale: ownScript?.dataset.locale, apiBase: ownScript?.dataset.apiBase }));
    }
    return;
  }

  const defaultBase = originOf(ownScript?.src) || location.origin;
  const widgets: Widget[] = [];

  const init: CellarDoorApi['init'] = (o) => {
    const options: WidgetOptions = {
      siteKey: o.siteKey,
      locale: o.locale || null,
      apiBase: originOf(o.apiBase) ? String(o.apiBase).replace(/\/+$/, '') : defaultBase,
      ...('eventTarget' in o ? { eventTarget: (o as { eventTarget?: EventTarget }).eventTarget } : {}),
    };
    const w = new Widget(options);
    widgets.push(w);
    return w;
  };

  const api: CellarDoorApi = {
    version: __CELLARDOOR_VERSION__,
    open: () => widgets[0]?.open(),
    close: () => widgets.forEach((w) => w.close()),
    toggle: () => widgets[0]?.toggle(),
    newConversation: () => widgets[0]?.newConversation(),
    ask: (q) => {
      const w = widgets[0];
      if (!w) return;
      w.open();
      void w.submit(q);
    },
    init,
    get widgets() {
      return widgets.slice();
    },
  };
  Object.defineProperty(win, 'CellarDoor', { value: Object.freeze(api), configurable: true, enumerable: false, writable: false });

  if (typeof customElements !== 'undefined' && !customElements.get('cellardoor-chat')) {
    class CellarDoorChat extends HTMLElement {
      widget: Widget | null = null;

      connectedCallback(): void {
        if (this.widget) return;
        const siteKey = this.getAttribute('site-key');
        if (!siteKey) {
          console.warn('[CellarDoor] <cellardoor-chat> needs a site-key attribute.');
          return;
        }
        whenBody(() => {
          if (this.widget || !this.isConnected) return;
          this.widget = init({
            siteKey,
            locale: this.getAttribute('locale'),
            apiBase: this.getAttribute('api-base'),
            eventTarget: this,
          } as Parameters<typeof init>[0]);
        });
      }

      disconnectedCallback(): void {
        // Moving the element re-connects it in the same task: only tear down if it stays out.
        queueMicrotask(() => {
          if (!this.isConnected && this.widget) {
            this.widget.destroy();
            const i = widgets.indexOf(this.widget);
            if (i >= 0) widgets.splice(i, 1);
            this.widget = null;
          }
        });
      }
    }
    customElements.define('cellardoor-chat', CellarDoorChat);
  }

  const key = ownScript?.dataset.siteKey;
  if (key) whenBody(() => init({ siteKey: key, locale: ownScript?.dataset.locale, apiBase: ownScript?.dataset.apiBase }));
}

function whenBody(fn: () => void): void {
  if (document.body) fn();
  else document.addEventListener('DOMContentLoaded', fn, { once: true });
}

boot();
