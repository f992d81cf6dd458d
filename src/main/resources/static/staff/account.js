// The account pages: one's own password, and (admins) the accounts and the audit stream. Loaded after
// console.js, whose helpers it uses. Every value from the server goes into the page with textContent.
(function () {
  'use strict';
  const c = window.TeahouseConsole;
  const $ = c.$, el = c.el, api = c.api;
  const ROLES = { STAFF: '办理人员', SUPERVISOR: '督办', POLICY_EDITOR: '政策编辑', ADMIN: '管理员' };
  const say = (text) => { $('result').textContent = text; };

  function ownPage() {
    c.me();
    $('password-form').addEventListener('submit', (e) => {
      e.preventDefault();
      if ($('new-password').value !== $('repeat').value) { say('两次输入的新密码不一致。'); return; }
      api('/me/password', { current: $('current').value, password: $('new-password').value }).then(() => {
        $('password-form').reset();
        say('密码已修改。');
        $('result').dataset.done = 'true';
      }).catch((err) => say(err.message));
    });
  }

  function button(label, action) {
    const b = el('button', label);
    b.type = 'button';
    b.addEventListener('click', action);
    return b;
  }

  function accountsPage() {
    let units = [];
    const change = (username, what, body) => api('/admin/accounts/' + encodeURIComponent(username) + '/' + what,
      body || {}).then(() => { say('已保存：' + username); load(); }).catch((err) => say(err.message));
    const unitName = (id) => (units.find((u) => u.id === id) || { name: id || '-' }).name;

    function row(a) {
      const tr = el('tr', null, a.disabled ? 'disabled' : '');
      tr.dataset.account = a.username;
      [a.username, a.name, a.roles.map((r) => ROLES[r] || r).join('、'), unitName(a.unit), a.telegram || '-',
        a.disabled ? '已停用' : '启用'].forEach((v) => tr.appendChild(el('td', v)));
      const actions = el('td', null, 'actions');
      actions.appendChild(a.disabled ? button('启用', () => change(a.username, 'enable'))
        : button('停用', () => change(a.username, 'disable')));
      const roles = el('select');
      roles.multiple = true;
      Object.keys(ROLES).forEach((r) => {
        const o = el('option', ROLES[r]); o.value = r; o.selected = a.roles.indexOf(r) >= 0; roles.appendChild(o);
      });
      actions.appendChild(roles);
      actions.appendChild(button('保存角色', () => change(a.username, 'roles',
        { roles: Array.from(roles.selectedOptions).map((o) => o.value) })));
      const unit = el('select');
      unit.appendChild(el('option', '无'));
      unit.firstChild.value = '';
      units.forEach((u) => { const o = el('option', u.name); o.value = u.id; o.selected = u.id === a.unit; unit.appendChild(o); });
      actions.appendChild(unit);
      actions.appendChild(button('保存单位', () => change(a.username, 'unit', { unit: unit.value })));
      const tg = el('input'); tg.placeholder = 'Telegram ID'; tg.inputMode = 'numeric';
      actions.appendChild(tg);
      actions.appendChild(button('绑定', () => change(a.username, 'telegram', { telegramId: tg.value })));
      actions.appendChild(button('解绑', () => change(a.username, 'unlink')));
      const pw = el('input'); pw.type = 'password'; pw.placeholder = '新密码'; pw.autocomplete = 'new-password';
      actions.appendChild(pw);
      actions.appendChild(button('重置密码', () => change(a.username, 'password', { password: pw.value })));
      tr.appendChild(actions);
      return tr;
    }

    function load() {
      api('/admin/accounts').then((list) => {
        document.querySelector('#accounts tbody').replaceChildren(...list.map(row));
      }).catch((err) => say(err.message));
      api('/audit?limit=100').then((entries) => {
        document.querySelector('#audit tbody').replaceChildren(...entries.map((e) => {
          const tr = el('tr');
          [new Date(Number(e.at)).toLocaleString(), e.who, e.action, e.whom, e.detail]
            .forEach((v) => tr.appendChild(el('td', v)));
          return tr;
        }));
      });
    }

    $('create-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const roles = Array.from(document.querySelectorAll('input[name="new-role"]:checked')).map((i) => i.value);
      api('/admin/accounts', { username: $('new-username').value, name: $('new-name').value || null,
        number: $('new-number').value || null, password: $('new-account-password').value, roles: roles,
        unit: $('new-unit').value || null }).then((r) => {
        $('create-form').reset(); say('已新建：' + r.created); load();
      }).catch((err) => say(err.message));
    });
    c.me().then((m) => {
      units = m.units;
      units.forEach((u) => { const o = el('option', u.name); o.value = u.id; $('new-unit').appendChild(o); });
      load();
    });
  }

  if (document.body.dataset.page === 'account') { ownPage(); }
  if (document.body.dataset.page === 'accounts') { accountsPage(); }
})();
