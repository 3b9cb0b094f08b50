// Code that runs INSIDE the Playground page (Chromium). Kept as plain JavaScript strings so
// that no TypeScript/esbuild helper (e.g. `__name`) leaks into `page.evaluate`.
//
// The Playground client is a React app. Neither message ids nor Adaptive Card input ids are
// present in the DOM (card inputs get random `__ac-<uuid>` ids), so these scripts read the
// React fiber props that the client attaches to its DOM nodes:
//  - a message component has a prop `message: { id, from: { id }, ... }` (chat layout) or
//    `messageId` (channel layout);
//  - an Adaptive Card element component has a prop `cardObject` (an adaptivecards SDK
//    object: `.id` is the card's input id, `._internalId` is the DOM id it renders).
// They then put stable attributes on the DOM nodes (data-e2e-*), which the harness uses as
// ordinary Playwright selectors.

/**
 * (ids: string[]) => Array<{ id, found, text, hasCard }>
 * Tags the container of each message id with `data-e2e-msg-id` and returns its visible text
 * (header, avatar and timestamp removed; whitespace collapsed).
 */
export const TAG_MESSAGES = String.raw`(ids) => {
  const want = new Set(ids);
  const fiberOf = (el) => {
    if (!el) return null;
    const k = Object.keys(el).find((key) => key.startsWith('__reactFiber$'));
    return k ? el[k] : null;
  };
  const idOfFiber = (f) => {
    for (; f; f = f.return) {
      const p = f.memoizedProps;
      if (p && typeof p === 'object') {
        const m = p.message;
        if (m && typeof m === 'object' && typeof m.id === 'string' && m.from) return m.id;
        if (typeof p.messageId === 'string') return p.messageId;
      }
    }
    return null;
  };
  const root = document.getElementById('root') || document.body;
  const cache = new Map();
  const roots = new Map();
  for (const el of root.querySelectorAll('*')) {
    if (el.closest('[role=tree]')) continue; // left sidebar: last-message previews
    const id = idOfFiber(fiberOf(el));
    cache.set(el, id);
    if (!id || !want.has(id)) continue;
    const parent = el.parentElement;
    const parentId = cache.has(parent) ? cache.get(parent) : idOfFiber(fiberOf(parent));
    if (parentId === id) continue;
    if (!roots.has(id)) roots.set(id, []);
    roots.get(id).push(el);
  }
  const lca = (a, b) => {
    const seen = new Set();
    for (let x = a; x; x = x.parentElement) seen.add(x);
    for (let y = b; y; y = y.parentElement) if (seen.has(y)) return y;
    return document.body;
  };
  const out = [];
  for (const id of ids) {
    const rs = roots.get(id);
    if (!rs || rs.length === 0) { out.push({ id, found: false, text: '', hasCard: false }); continue; }
    const container = rs.reduce((acc, el) => lca(acc, el));
    for (const old of document.querySelectorAll('[data-e2e-msg-id="' + CSS.escape(id) + '"]')) {
      if (old !== container) old.removeAttribute('data-e2e-msg-id');
    }
    container.setAttribute('data-e2e-msg-id', id);
    if (rs.length > 1) {
      for (const r of rs) {
        const isHeader = r.querySelector('button[aria-label="Show more information"]') && !r.querySelector('p, .ac-adaptiveCard');
        if (isHeader) r.setAttribute('data-e2e-msg-header', '');
      }
    }
    let text = container.innerText || '';
    const drop = container.querySelectorAll('[aria-label="Message header"], [data-e2e-msg-header], [role=img], [role=progressbar]');
    for (const d of drop) {
      const t = (d.innerText || '').trim();
      if (t) text = text.replace(t, ' ');
    }
    text = text.replace(/\s+/g, ' ').trim();
    out.push({ id, found: true, text, hasCard: !!container.querySelector('.ac-adaptiveCard') });
  }
  return out;
}`;

/**
 * () => number — tags every rendered Adaptive Card input with
 * data-e2e-input-id (the card's input id), data-e2e-input-type (e.g. Input.ChoiceSet) and,
 * for choice sets, data-e2e-choices (JSON [{title,value}]) and data-e2e-multi.
 *
 * An element belongs to the input whose `cardObject` is the nearest one above it in the
 * fiber tree (a label's nearest is its own RichTextBlock, so labels are left out). The
 * tagged node is the element whose DOM id is the input's `_internalId`; when the input has
 * a `label`, the renderer gives the control another id, and then the tagged node is the
 * lowest common ancestor of the input's elements (the <input> itself, or the group of
 * checkboxes of a multi-select).
 */
export const TAG_INPUTS = String.raw`() => {
  const fiberOf = (el) => {
    const k = Object.keys(el).find((key) => key.startsWith('__reactFiber$'));
    return k ? el[k] : null;
  };
  const inputOf = (el) => {
    for (let f = fiberOf(el), i = 0; f && i < 40; f = f.return, i++) {
      const co = f.memoizedProps && f.memoizedProps.cardObject;
      if (!co) continue;
      const type = typeof co.getJsonTypeName === 'function' ? co.getJsonTypeName() : '';
      return typeof type === 'string' && type.startsWith('Input.') ? co : null;
    }
    return null;
  };
  const lca = (a, b) => {
    const seen = new Set();
    for (let x = a; x; x = x.parentElement) seen.add(x);
    for (let y = b; y; y = y.parentElement) if (seen.has(y)) return y;
    return a;
  };
  const groups = new Map();
  for (const el of document.querySelectorAll('.ac-adaptiveCard [id^="__ac-"]')) {
    const co = inputOf(el);
    if (!co) continue;
    if (!groups.has(co)) groups.set(co, []);
    groups.get(co).push(el);
  }
  let n = 0;
  for (const [co, els] of groups) {
    const tagged = document.querySelector('[data-e2e-input-id][data-e2e-internal-id="' + CSS.escape(String(co._internalId)) + '"]');
    if (tagged) { n++; continue; }
    const target = els.find((el) => el.id === co._internalId) || els.reduce((acc, el) => lca(acc, el));
    const type = co.getJsonTypeName();
    target.setAttribute('data-e2e-input-id', String(co.id));
    target.setAttribute('data-e2e-internal-id', String(co._internalId));
    target.setAttribute('data-e2e-input-type', type);
    if (type === 'Input.ChoiceSet') {
      const choices = (co.choices || []).map((c) => ({ title: String(c.title), value: String(c.value) }));
      target.setAttribute('data-e2e-choices', JSON.stringify(choices));
      target.setAttribute('data-e2e-multi', String(!!co.isMultiSelect));
    }
    n++;
  }
  return n;
}`;
