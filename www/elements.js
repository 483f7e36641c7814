// Pieces shared by the custom elements: safe DOM building and the error event.

/** Fired when the widget cannot show numbers: `detail` has `code`, `path` and `message`. */
export class LoyaltyErrorEvent extends CustomEvent {
  constructor(error) {
    super('loyalty-error', {
      bubbles: true,
      composed: true,
      detail: { code: error.code ?? 'unknown', path: error.path ?? '', message: error.message },
    });
  }
}

/** Builds an element; children are nodes or text. Text is always set as text, never as HTML. */
export function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

let nextId = 0;

/** A page-unique prefix for the ids inside one element's shadow root. */
export function uniqueId(name) {
  nextId += 1;
  return `${name}-${nextId}`;
}
