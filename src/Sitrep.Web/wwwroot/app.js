// Shared helpers of the Sitrep pages. Every text from an article goes into the page through textContent or
// createTextNode, never as HTML, so an article holding <script> or <img onerror> stays text.
'use strict';

const Sitrep = (() => {
  /** Builds an element: el('a', {href: '#', class: 'x'}, 'text', child). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k === 'dataset') Object.assign(node.dataset, v);
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  async function api(path, params) {
    const url = new URL('/api/' + path, location.origin);
    for (const [k, v] of Object.entries(params || {})) if (v !== '' && v !== null && v !== undefined) url.searchParams.set(k, v);
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error((await response.json().catch(() => ({}))).error || response.statusText);
    return response.json();
  }

  async function post(path, body) {
    const token = sessionStorage.getItem('sitrep-token') || prompt('Write token (printed by sitrep serve):') || '';
    const response = await fetch('/api/' + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token },
      body: JSON.stringify(body),
    });
    if (response.status === 401) { sessionStorage.removeItem('sitrep-token'); throw new Error('the token was refused'); }
    sessionStorage.setItem('sitrep-token', token);
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(answer.error || response.statusText);
    return answer;
  }

  /** Replaces a node's children; absent parts (null, false) are left out, nested lists flattened. */
  function fill(node, ...children) {
    node.replaceChildren(...children.flat(Infinity).filter(c => c !== null && c !== undefined && c !== false)
      .map(c => (c instanceof Node ? c : document.createTextNode(String(c)))));
  }

  const param = name => new URLSearchParams(location.search).get(name);
  const link = (page, id, text, cls) => el('a', { href: `${page}.html?id=${encodeURIComponent(id)}`, class: cls }, text);
  const label = type => type.replaceAll('_', ' ');

  function date(e) {
    if (!e.date) return 'undated';
    const range = e.precision === 'range' && e.dateTo && e.dateTo !== e.date ? `${e.date} … ${e.dateTo}` : e.date;
    return e.datedByText ? range : range + ' (published)';
  }

  function status(s) { return el('span', { class: 'status status-' + s }, s); }
  function stance(s) { return el('span', { class: 'stance stance-' + s }, s); }

  /** One event as a list shows it: date, kind, place, actors, status, outlets. */
  function eventCard(e) {
    const head = [label(e.type)];
    return el('li', { class: 'event', dataset: { id: e.id } },
      el('div', { class: 'when' }, date(e)),
      el('div', { class: 'what' },
        link('event', e.id, head.join(' '), 'event-link'),
        e.place ? [' · ', link('entity', e.place.id, e.place.name)] : null,
        e.actors.length ? [' · ', e.actors.slice(0, 3).flatMap((a, i) => [i ? ', ' : '', link('entity', a.id, a.name)])] : null,
        e.quantities.length ? el('span', { class: 'quantities' }, ' · ' + e.quantities.slice(0, 3).join(', ')) : null,
        el('p', { class: 'summary' }, e.summary)),
      el('div', { class: 'meta' }, status(e.status), ` ${e.reports} report${e.reports === 1 ? '' : 's'}`,
        e.conflicts ? el('span', { class: 'conflict-badge' }, ` ${e.conflicts} conflict${e.conflicts === 1 ? '' : 's'}`) : null,
        el('div', { class: 'outlets' }, e.outlets.join(' · '))));
  }

  function fail(where, error) {
    fill(where, el('p', { class: 'error' }, 'Could not load: ' + error.message));
  }

  return { el, fill, api, post, param, link, label, date, status, stance, eventCard, fail };
})();
