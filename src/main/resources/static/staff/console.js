// The staff console's pages (queue, search, case). Every value from the server is put in the page with
// textContent, never as markup. Texts and live events come from nav.js (window.TeahouseNav), loaded first.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const nav = window.TeahouseNav || { ready: Promise.resolve(), t: (k) => k, on: () => {} };
  const t = nav.t;

  // A refused request carries {done:false, message}; the message is for people.
  function send(path, body, csrf, method) {
    const init = { credentials: 'same-origin', headers: { 'Accept': 'application/json' } };
    if (body !== undefined || method) {
      init.method = method || 'POST';
      init.headers['Content-Type'] = 'application/json';
      init.headers[csrf.header] = csrf.token;
      if (body !== undefined) { init.body = JSON.stringify(body); }
    }
    return fetch('/staff/api' + path, init).then((r) => {
      if (r.status === 401 || (r.redirected && r.url.indexOf('/staff/login') >= 0)) {
        location.href = '/staff/login';
      }
      if (!r.ok) {
        return r.json().catch(() => ({})).then((b) => { throw new Error(b.message || ('HTTP ' + r.status)); });
      }
      return r.json();
    });
  }

  // Who is logged in, with the CSRF token kept in the server session (GET /staff/api/me), read once per page.
  let whoAmI = null;
  function session() {
    if (!whoAmI) { whoAmI = send('/me'); }
    return whoAmI;
  }

  function api(path, body, method) {
    return body === undefined && !method ? send(path) : session().then((m) => send(path, body, m.csrf, method));
  }

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  // office time left (working days of office hours, then hours and minutes), as the deadlines count it
  let dayMillis = 8 * 3600000;
  nav.ready.then((r) => { if (r && r.workingDayMillis) { dayMillis = r.workingDayMillis; } });
  function left(ms) {
    if (ms === null || ms === undefined || ms === '') { return '-'; }
    let s = Math.round(Number(ms) / 60000);
    const sign = s < 0 ? t('left.overdue') : '';
    s = Math.abs(s);
    const perDay = Math.round(dayMillis / 60000);
    const d = Math.floor(s / perDay), h = Math.floor(s % perDay / 60), m = s % 60;
    return sign + (d ? d + t('left.days') : '') + h + t('left.hours') + m + t('left.minutes');
  }

  // working time left moves only while the office is open; between reloads the page counts it down per minute
  const shownAt = Date.now();
  function tick() {
    document.querySelectorAll('[data-left]').forEach((e) => {
      if (e.dataset.left === '') { e.textContent = '-'; return; }
      e.textContent = left(Number(e.dataset.left) - (document.body.dataset.officeOpen === 'false' ? 0 : Date.now() - shownAt));
    });
  }

  function state(c) { return t('state.' + c.state) + (c.supervised ? ' · ' + t('count.supervised') : ''); }

  function rows(list, body) {
    body.replaceChildren();
    list.forEach((c) => {
      const tr = el('tr', null, c.overdue ? 'overdue' : '');
      tr.dataset.case = c.tracking;
      const a = el('a', c.tracking);
      a.href = '/staff/case/' + encodeURIComponent(c.tracking);
      const first = el('td'); first.appendChild(a); first.dataset.label = t('col.number'); tr.appendChild(first);
      [['col.category', c.categoryName], ['col.unit', c.unitName], ['col.state', state(c)],
        ['col.holder', c.claimedByName || '-']].forEach(([k, v]) => {
        const td = el('td', v); td.dataset.label = t(k); tr.appendChild(td);
      });
      const due = el('td', left(c.dueWorkingMillis), 'countdown');
      due.dataset.left = c.dueWorkingMillis === null ? '' : c.dueWorkingMillis;
      due.dataset.label = t('col.left');
      tr.appendChild(due);
      body.appendChild(tr);
    });
  }

  function queuePage() {
    const view = new URLSearchParams(location.search).get('view') || 'queue';
    document.body.dataset.view = view;
    const current = $(view === 'queue' ? 'nav-queue' : 'nav-' + view);
    if (current) { current.classList.add('current'); }
    const load = () => {
      const q = new URLSearchParams({ state: $('f-state').value, unit: $('f-unit').value,
        category: $('f-category').value, overdue: $('f-overdue').checked, supervised: $('f-supervised').checked });
      if (view === 'mine') { q.set('view', 'mine'); }
      let fetches = [api('/queue?' + q)];
      if (view === 'overdue') {
        // 超期/督办: what missed a deadline and what is under supervision, once each
        q.set('overdue', 'true'); q.set('supervised', 'false');
        const s = new URLSearchParams(q); s.set('overdue', 'false'); s.set('supervised', 'true');
        fetches = [api('/queue?' + q), api('/queue?' + s)];
      }
      Promise.all(fetches).then((lists) => {
        const seen = {};
        const all = [].concat(...lists).filter((c) => !seen[c.tracking] && (seen[c.tracking] = true));
        rows(all, document.querySelector('#queue tbody'));
      });
    };
    nav.ready.then(() => {
      $('f-state').querySelectorAll('option').forEach((o) => {
        o.textContent = o.value ? t('state.' + o.value) : t('filter.allStates');
      });
      session().then((m) => {
        m.units.forEach((u) => { const o = el('option', u.name); o.value = u.id; $('f-unit').appendChild(o); });
      });
      load();
    });
    $('filters').addEventListener('change', load);
    nav.on('case', load);
    setInterval(tick, 60000);
  }

  function searchPage() {
    const q = new URLSearchParams(location.search).get('q') || '';
    nav.ready.then(() => {
      if (!q.trim()) { $('search-result').textContent = t('search.none'); return; }
      api('/search?q=' + encodeURIComponent(q)).then((r) => {
        rows(r.items, document.querySelector('#results tbody'));
        // at most 20 rows: when the index matched more, ask for a narrower query
        $('search-result').textContent = !r.items.length ? t('search.none') : r.more ? t('search.more') : '';
      }).catch((e) => { $('search-result').textContent = e.message; });
    });
  }

  window.TeahouseConsole = { api: api, el: el, $: $, t: t, left: left, tick: tick, session: session,
    me: () => session() };
  if (document.body.dataset.page === 'queue') { queuePage(); }
  if (document.body.dataset.page === 'search') { searchPage(); }
})();
