// The navigation every console page shares (the staff console, reports, the policy office): items by role,
// live counts, search, reminders, the zh/en switch. A page includes this script before its own; it builds its
// header into <header id="console-nav"> (or a new one at the top). Texts come from GET /staff/api/texts and go
// into the page with textContent only. window.TeahouseNav: ready (the texts), t(key, params), on(event, fn).
(function () {
  'use strict';
  const LANG_COOKIE = 'console-lang';
  const ITEMS = ['queue', 'mine', 'overdue', 'similar', 'reports', 'policy', 'accounts'];
  const listeners = {};
  let T = {};

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    Object.keys(attrs || {}).forEach((k) => { if (k === 'cls') { e.className = attrs[k]; } else { e.setAttribute(k, attrs[k]); } });
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function t(key, params) {
    let s = T[key] !== undefined ? T[key] : key;
    Object.keys(params || {}).forEach((k) => { s = s.split('{' + k + '}').join(String(params[k])); });
    return s;
  }

  function get(path) {
    return fetch(path, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } }).then((r) => {
      if (r.status === 401) { location.href = '/staff/login'; }
      if (!r.ok) { throw new Error('HTTP ' + r.status); }
      return r.json();
    });
  }

  // the header: links hidden until the server says which this account may use
  let header = document.getElementById('console-nav');
  if (!header) { header = el('header', { id: 'console-nav' }); document.body.insertBefore(header, document.body.firstChild); }
  header.replaceChildren();
  const toggle = el('button', { id: 'nav-toggle', type: 'button', 'aria-expanded': 'false', 'aria-controls': 'nav-items', 'data-t': 'nav.menu' });
  const title = el('a', { id: 'nav-title', href: '/staff', 'data-t': 'title' });
  const items = el('nav', { id: 'nav-items' });
  ITEMS.forEach((id) => {
    const a = el('a', { id: id === 'accounts' ? 'accounts-link' : 'nav-' + id, 'data-item': id, hidden: '' });
    a.appendChild(el('span', { 'data-t': 'nav.' + id }));
    if (id === 'queue') { a.appendChild(el('span', { id: 'count-new', cls: 'badge', hidden: '' })); }
    if (id === 'overdue') {
      a.appendChild(el('span', { id: 'count-overdue', cls: 'badge warn', hidden: '' }));
      a.appendChild(el('span', { id: 'count-supervised', cls: 'badge', hidden: '' }));
    }
    items.appendChild(a);
  });
  const account = el('a', { id: 'nav-account', href: '/staff/account', 'data-t': 'nav.account' });
  items.appendChild(account);
  const search = el('form', { id: 'search-form', action: '/staff/search', method: 'get', role: 'search' });
  const q = el('input', { id: 'search-q', name: 'q', type: 'search', maxlength: '100', 'data-t-placeholder': 'nav.search' });
  search.appendChild(q);
  search.appendChild(el('button', { id: 'search-go', type: 'submit', 'data-t': 'nav.searchButton' }));
  const reminders = el('details', { id: 'reminders', hidden: '' });
  const summary = el('summary');
  summary.appendChild(el('span', { 'data-t': 'nav.notifications' }));
  summary.appendChild(el('span', { id: 'count-reminders', cls: 'badge warn' }));
  reminders.appendChild(summary);
  reminders.appendChild(el('ul', { id: 'reminder-list' }));
  const me = el('span', { id: 'me' });
  const lang = el('button', { id: 'lang-switch', type: 'button', 'data-t': 'nav.lang' });
  const logout = el('form', { id: 'logout', method: 'post', action: '/staff/logout' });
  logout.appendChild(el('button', { type: 'submit', 'data-t': 'nav.logout' }));
  [toggle, title, items, search, reminders, me, lang, logout].forEach((e) => header.appendChild(e));
  toggle.addEventListener('click', () => {
    const open = header.classList.toggle('open');
    toggle.setAttribute('aria-expanded', String(open));
  });
  const params = new URLSearchParams(location.search);
  if (params.get('q') && location.pathname === '/staff/search') { q.value = params.get('q'); }

  // the language is remembered per browser: a cookie the server reads too, for names in its answers
  function currentLang() {
    const m = document.cookie.match(/(?:^|; )console-lang=([a-z]+)/);
    return m ? m[1] : (localStorage.getItem(LANG_COOKIE) || 'zh');
  }
  lang.addEventListener('click', () => {
    const next = currentLang() === 'en' ? 'zh' : 'en';
    document.cookie = LANG_COOKIE + '=' + next + '; path=/; max-age=31536000; SameSite=Lax';
    localStorage.setItem(LANG_COOKIE, next);
    location.reload();
  });

  const ready = get('/staff/api/texts?lang=' + encodeURIComponent(currentLang())).then((r) => {
    T = r.texts;
    document.documentElement.lang = r.lang;
    document.body.dataset.lang = r.lang;
    document.querySelectorAll('[data-t]').forEach((e) => { e.textContent = t(e.dataset.t); });
    document.querySelectorAll('[data-t-placeholder]').forEach((e) => { e.placeholder = t(e.dataset.tPlaceholder); });
    return r;
  });

  function count(id, n, label) {
    const e = document.getElementById(id);
    if (!e) { return; }
    e.hidden = !n;
    e.textContent = (n >= 100 ? '99+' : String(n)) + ' ' + t(label);
  }

  function loadNav() {
    return Promise.all([ready, get('/staff/api/nav')]).then(([, n]) => {
      n.items.forEach((i) => {
        const a = items.querySelector('[data-item="' + i.id + '"]');
        if (a) { a.href = i.href; a.hidden = false; }
      });
      const c = n.counts || {};
      count('count-new', c.new || 0, 'count.new');
      count('count-overdue', c.overdue || 0, 'count.overdue');
      count('count-supervised', c.supervised || 0, 'count.supervised');
      const list = document.getElementById('reminder-list');
      list.replaceChildren();
      (n.reminders || []).forEach((r) => {
        const li = el('li');
        const a = el('a', { href: '/staff/case/' + encodeURIComponent(r.tracking) }, t('reminder.' + r.which, { number: r.tracking }));
        li.appendChild(a);
        list.appendChild(li);
      });
      reminders.hidden = !(n.reminders || []).length;
      document.getElementById('count-reminders').textContent = String((n.reminders || []).length);
      return n;
    });
  }

  get('/staff/api/me').then((m) => {
    me.textContent = m.name + ' (' + m.username + ')';
    const hidden = el('input', { type: 'hidden', name: '_csrf', value: m.csrf.token });
    logout.appendChild(hidden);
  }).catch(() => {});

  // one live stream per page: counts follow every change of a case this account may see
  let pending = null;
  function on(name, fn) { (listeners[name] = listeners[name] || []).push(fn); }
  if (window.EventSource) {
    const source = new EventSource('/staff/api/stream');
    ['case', 'reminder'].forEach((name) => source.addEventListener(name, (e) => {
      (listeners[name] || []).forEach((fn) => fn(e.data));
      if (!pending) { pending = setTimeout(() => { pending = null; loadNav(); }, 300); }
    }));
  }
  loadNav();
  window.TeahouseNav = { ready: ready, t: t, on: on, lang: currentLang, reload: loadNav };
})();
