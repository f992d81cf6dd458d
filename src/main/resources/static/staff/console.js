// The staff console. Every value from the server is put in the page with textContent, never as markup.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const STATES = { new: '待受理', dispatched: '待接单', claimed: '办理中', replied: '待评价', closed: '已办结',
    returned: '已退回', reopened: '重新办理', declined: '不予受理' };

  // A refused request carries {error, message}; the message is for people.
  function send(path, body, csrf) {
    const init = { credentials: 'same-origin', headers: { 'Accept': 'application/json' } };
    if (body !== undefined) {
      init.method = 'POST';
      init.headers['Content-Type'] = 'application/json';
      init.headers[csrf.header] = csrf.token;
      init.body = JSON.stringify(body);
    }
    return fetch('/staff/api' + path, init).then((r) => {
      if (r.status === 401 || (r.redirected && r.url.indexOf('/staff/login') >= 0)) {
        location.href = '/staff/login';
      }
      if (!r.ok) {
        // a refusal carries the policy's polite message
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

  function api(path, body) {
    return body === undefined ? send(path) : session().then((m) => send(path, body, m.csrf));
  }

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  function left(due) {
    if (!due) { return '-'; }
    let s = Math.round((due - Date.now()) / 1000);
    const sign = s < 0 ? '超期 ' : '';
    s = Math.abs(s);
    const d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
    return sign + (d ? d + '天' : '') + h + '时' + m + '分' + (s % 60) + '秒';
  }

  function tick() {
    document.querySelectorAll('[data-due]').forEach((e) => { e.textContent = left(Number(e.dataset.due)); });
  }

  function live(onChange) {
    const source = new EventSource('/staff/api/stream');
    source.addEventListener('case', (e) => onChange(e.data));
  }

  function me() {
    return session().then((m) => {
      $('me').textContent = m.name + ' (' + m.username + ')';
      if (m.roles.indexOf('ADMIN') >= 0 && $('accounts-link')) { $('accounts-link').hidden = false; }
      return m;
    });
  }

  function queuePage() {
    const load = () => {
      const q = new URLSearchParams({ state: $('f-state').value, unit: $('f-unit').value,
        category: $('f-category').value, overdue: $('f-overdue').checked, supervised: $('f-supervised').checked });
      api('/queue?' + q).then((rows) => {
        const body = document.querySelector('#queue tbody');
        body.replaceChildren();
        rows.forEach((c) => {
          const tr = el('tr', null, c.overdue ? 'overdue' : '');
          tr.dataset.case = c.tracking;
          const a = el('a', c.tracking);
          a.href = '/staff/case/' + encodeURIComponent(c.tracking);
          const first = el('td'); first.appendChild(a); tr.appendChild(first);
          [c.categoryName, c.unitName, (STATES[c.state] || c.state) + (c.supervised ? ' · 督办' : ''),
            c.claimedByName || '-'].forEach((v) => tr.appendChild(el('td', v)));
          const due = el('td', left(c.due), 'countdown'); due.dataset.due = c.due || ''; tr.appendChild(due);
          body.appendChild(tr);
        });
      });
    };
    me().then((m) => {
      m.units.forEach((u) => { const o = el('option', u.name); o.value = u.id; $('f-unit').appendChild(o); });
    });
    $('filters').addEventListener('change', load);
    load();
    live(load);
    setInterval(tick, 1000);
  }

  function casePage() {
    const t = document.body.dataset.case;
    const load = () => api('/cases/' + encodeURIComponent(t)).then((c) => {
      $('number').textContent = c.tracking;
      $('state').textContent = STATES[c.state] || c.state;
      $('unit').textContent = c.unitName;
      $('holder').textContent = c.claimedByName || '未接单';
      $('countdown').dataset.due = c.due || '';
      const fields = $('fields');
      fields.replaceChildren();
      [['类别', c.categoryName], ['诉求', c.description], ['地点', c.location],
        ['企业', c.company === null ? '（保密）' : c.company], ['联系人', '（点击“查看联系方式”）'],
        ['电话', '（点击“查看联系方式”）'], ['答复', c.resolution]].forEach(([k, v]) => {
        fields.appendChild(el('dt', k));
        const dd = el('dd', v || '-'); dd.id = 'field-' + k; fields.appendChild(dd);
      });
      $('transcript').replaceChildren(...c.transcript.map((l) => el('li', l)));
      $('attachments').replaceChildren(...c.attachments.map((a) => el('li', a.kind + ' ' + (a.fileName || a.fileId))));
      $('history').replaceChildren(...c.history.map((h) => el('li', new Date(h.at).toLocaleString() + ' ' +
        (h.whoName || h.who) + ' ' + h.type + ' ' + (h.from || '') + '→' + (h.to || '') + (h.note ? ' ' + h.note : ''))));
      tick();
    });
    const act = (action, extra) => {
      const body = Object.assign({ text: $('reply').value }, extra || {});
      api('/cases/' + encodeURIComponent(t) + '/' + action, body).then((r) => {
        $('result').textContent = r.done ? '已完成' : (r.claimer ? '已由 ' + r.claimer + ' 接单' : '未完成：' + r.problem);
        if (r.done) { $('reply').value = ''; }
        load();
      }).catch((e) => { $('result').textContent = e.message; });
    };
    ['claim', 'message', 'resolve', 'note', 'return'].forEach((a) => $(a).addEventListener('click', () => act(a)));
    $('transfer').addEventListener('click', () => act('transfer', { unit: $('to-unit').value }));
    // contact data only on request, logged; a confidential case takes the reason from the text box
    $('contact').addEventListener('click', () => {
      api('/cases/' + encodeURIComponent(t) + '/contact', { text: $('reply').value }).then((r) => {
        $('field-企业').textContent = r.company || '-';
        $('field-联系人').textContent = r.contactName || '-';
        $('field-电话').textContent = r.phone || '-';
      }).catch((e) => { $('result').textContent = e.message; });
    });
    me().then((m) => {
      m.units.forEach((u) => { const o = el('option', u.name); o.value = u.id; $('to-unit').appendChild(o); });
    });
    load();
    live((changed) => { if (changed === t) { load(); } });
    setInterval(tick, 1000);
  }

  const logout = $('logout');
  if (logout) {
    session().then((m) => {
      const hidden = el('input'); hidden.type = 'hidden'; hidden.name = '_csrf'; hidden.value = m.csrf.token;
      logout.appendChild(hidden);
    });
  }
  window.TeahouseConsole = { api: api, el: el, me: me, $: $ };
  if (document.body.dataset.page === 'queue') { queuePage(); }
  if (document.body.dataset.page === 'case') { casePage(); }
})();
