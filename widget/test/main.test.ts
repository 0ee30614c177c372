import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CellarDoorApi } from '../src/main';
import { defaultRoutes, fakeServer } from './helpers';

const server = fakeServer(defaultRoutes());
type Win = Window & { CellarDoor?: CellarDoorApi };

describe('embedding', () => {
  beforeAll(async () => {
    vi.stubGlobal('fetch', server.fetch);
    localStorage.clear();
    const script = document.createElement('script');
    script.setAttribute('src', 'https://chat.example.com/widget/cellardoor-widget.js');
    script.dataset.siteKey = 'site-1';
    script.dataset.locale = 'es';
    document.head.appendChild(script);
    await import('../src/main');
  });

  afterAll(() => {
    (window as Win).CellarDoor?.widgets.forEach((w) => w.destroy());
    vi.unstubAllGlobals();
  });

  it('creates the widget from the script tag, with the API base taken from its src', async () => {
    const cd = (window as Win).CellarDoor!;
    expect(cd.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(cd.widgets).toHaveLength(1);
    const w = cd.widgets[0];
    expect(w.api.base).toBe('https://chat.example.com');
    expect(w.locale).toBe('es');
    await vi.waitFor(() => expect(server.calls[0]?.url).toBe('https://chat.example.com/api/v1/widget/config'));
  });

  it('exposes only window.CellarDoor, with open() and close()', () => {
    const cd = (window as Win).CellarDoor!;
    expect(Object.isFrozen(cd)).toBe(true);
    expect('CellarDoorWidget' in window).toBe(false);
    cd.open();
    expect(cd.widgets[0].isOpen).toBe(true);
    cd.close();
    expect(cd.widgets[0].isOpen).toBe(false);
  });

  it('supports the <cellardoor-chat> custom element and dispatches events on it', async () => {
    const el = document.createElement('cellardoor-chat');
    el.setAttribute('site-key', 'site-2');
    el.setAttribute('locale', 'fr');
    el.setAttribute('api-base', 'https://other.example.org/');
    const opened = vi.fn();
    el.addEventListener('cellardoor:open', opened);
    document.body.appendChild(el);
    const cd = (window as Win).CellarDoor!;
    await vi.waitFor(() => expect(cd.widgets).toHaveLength(2));
    const w = cd.widgets[1];
    expect(w.api.base).toBe('https://other.example.org');
    expect(w.locale).toBe('fr');
    w.open();
    expect(opened).toHaveBeenCalledOnce();
    el.remove();
    await vi.waitFor(() => expect(cd.widgets).toHaveLength(1));
    expect(w.host.isConnected).toBe(false);
  });
});
