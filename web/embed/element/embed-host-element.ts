import { createRoot, type Root } from 'react-dom/client';
import { adoptStyles } from './adopt-styles';

/** What an embed element's class adds to {@link embedHostElement}'s: how it renders, and the hook before it mounts. */
export interface EmbedHost extends HTMLElement {
  /** The React root in the shadow root, while connected. */
  readonly root: Root | undefined;
  readonly mount: HTMLDivElement | undefined;
  emit(type: string, detail: unknown): void;
}

/**
 * The life of an embed element (`<ho-so-form>`, `<tra-cuu-ho-so>`), as a base class made on demand (only in a browser,
 * when an element is defined): an open shadow root with the embed's styles and one React root, `render` on connect
 * and on a change of `token` or `lang`, unmounted after the current task once disconnected (moving the element within
 * the page disconnects and reconnects it), and `emit` for bubbling, composed events.
 */
export function embedHostElement(hooks: {
  render(element: EmbedHost): void;
  /** Called with the new mount before the root is created (e.g. to keep it hidden behind a painted rendering). */
  beforeMount?(shadow: ShadowRoot, mount: HTMLDivElement): void;
}): CustomElementConstructor {
  return class extends HTMLElement implements EmbedHost {
    static observedAttributes = ['token', 'lang'];
    root: Root | undefined;
    mount: HTMLDivElement | undefined;

    connectedCallback(): void {
      if (!this.root) {
        const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
        adoptStyles(shadow);
        const mount = document.createElement('div');
        mount.className = 'hoso-host';
        hooks.beforeMount?.(shadow, mount);
        shadow.append(mount);
        this.mount = mount;
        this.root = createRoot(mount);
      }
      hooks.render(this);
    }

    disconnectedCallback(): void {
      queueMicrotask(() => {
        if (!this.isConnected && this.root) {
          this.root.unmount();
          this.root = undefined;
          this.shadowRoot?.replaceChildren();
        }
      });
    }

    attributeChangedCallback(): void {
      if (this.root) hooks.render(this);
    }

    emit(type: string, detail: unknown): void {
      this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
    }
  };
}
