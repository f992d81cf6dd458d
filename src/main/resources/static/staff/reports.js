// The reports pages (/staff/reports): figures from /staff/api/reports/summary, charts with Chart.js (WebJar),
// sortable tables. Every value from the server goes into the page with textContent, never as markup.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const charts = {};

  function get(path) {
    return fetch(path, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } }).then((r) => {
      if (r.status === 401) { location.href = '/staff/login'; }
      if (!r.ok) {
        return r.json().catch(() => ({})).then((b) => { throw new Error(b.message || ('HTTP ' + r.status)); });
      }
      return r.json();
    });
  }

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  const pct = (r) => (r === null || r === undefined ? '—' : (Math.round(r * 1000) / 10) + '%');
  const num = (n) => (n === null || n === undefined ? '—' : String(n));

  // Days are Asia/Shanghai days, whatever the browser's zone.
  function today() {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  }
  function iso(d) { return d.toISOString().slice(0, 10); }
  function period(preset) {
    const t = new Date(today() + 'T00:00:00Z');
    const monday = new Date(t); monday.setUTCDate(t.getUTCDate() - ((t.getUTCDay() + 6) % 7));
    if (preset === 'this-week') { const s = new Date(monday); s.setUTCDate(s.getUTCDate() + 6); return [iso(monday), iso(s)]; }
    if (preset === 'last-week') {
      const f = new Date(monday); f.setUTCDate(f.getUTCDate() - 7);
      const s = new Date(monday); s.setUTCDate(s.getUTCDate() - 1); return [iso(f), iso(s)];
    }
    const first = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1));
    const last = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0));
    return [iso(first), iso(last)];
  }

  function query(extra) {
    const q = new URLSearchParams({ from: $('p-from').value, to: $('p-to').value });
    if ($('p-unit').value) { q.set('unit', $('p-unit').value); }
    Object.keys(extra || {}).forEach((k) => q.set(k, extra[k]));
    return q.toString();
  }

  function headline(s) {
    const box = $('headline');
    box.replaceChildren();
    const figs = [['受理', s.opened, 'opened'], ['接单', s.claimed, 'claimed'], ['答复', s.replied, 'replied'],
      ['办结', s.closed, 'closed'], ['重新办理', s.reopened, 'reopened'], ['不予受理', s.declined, 'declined'],
      ['在办', s.openNow, 'open'], ['超期', s.overdueNow, 'overdue'], ['督办', s.supervisedNow, 'supervised'],
      ['按时接单率', pct(s.onTime.claimRate), 'claimed_on_time'], ['按时答复率', pct(s.onTime.replyRate), 'replied_on_time'],
      ['其中靠延期', num(s.onTime.repliedOnTimeExtended), 'replied_on_time_extended'],
      ['满意率', pct(s.satisfaction.rate), 'satisfied'], ['不满意', s.satisfaction.dissatisfied, 'unsatisfied'],
      ['接单中位/P90（分钟）', num(s.times.claimMedianMinutes) + ' / ' + num(s.times.claimP90Minutes), 'claims_timed'],
      ['答复中位/P90（小时）', num(s.times.replyMedianHours) + ' / ' + num(s.times.replyP90Hours), 'replied']];
    figs.forEach(([label, value, measure]) => {
      const a = el('a');
      a.href = '/staff/reports/cases?' + query({ measure: measure });
      a.dataset.measure = measure;
      a.append(el('span', value, 'n'), el('span', label, 'l'));
      box.append(a);
    });
  }

  function draw(id, config) {
    if (charts[id]) { charts[id].destroy(); }
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
    charts[id] = new Chart($(id), config);
  }

  function chartsOf(s) {
    draw('c-weeks', { type: 'bar', data: { labels: s.byWeek.map((w) => w.from), datasets: [
      { label: '受理', data: s.byWeek.map((w) => w.opened) }, { label: '答复', data: s.byWeek.map((w) => w.replied) },
      { label: '办结', data: s.byWeek.map((w) => w.closed) }] } });
    const units = s.byUnit.filter((u) => u.opened || u.closed || u.overdueNow || u.onTimeReplyRate !== null);
    const pctAxis = { scales: { y: { min: 0, max: 100 } } };
    draw('c-ontime', { type: 'bar', options: pctAxis, data: { labels: units.map((u) => u.name), datasets: [
      { label: '按时答复率 %', data: units.map((u) => (u.onTimeReplyRate === null ? null : u.onTimeReplyRate * 100)) }] } });
    draw('c-satisfaction', { type: 'bar', options: pctAxis, data: { labels: units.map((u) => u.name), datasets: [
      { label: '满意率 %', data: units.map((u) => (u.satisfactionRate === null ? null : u.satisfactionRate * 100)) }] } });
    const b = s.backlog;
    draw('c-backlog', { type: 'bar', data: { labels: ['0–1', '2–5', '6–10', '>10'], datasets: [
      { label: '在办件数', data: [b.days0to1, b.days2to5, b.days6to10, b.over10] }] } });
  }

  // A table keeps its rows as data; a click on a heading sorts them (again: the other way).
  function fill(id, rows) {
    const table = $(id);
    table._rows = rows;
    render(table);
  }
  function render(table) {
    const keys = Array.from(table.tHead.rows[0].cells).map((th) => th.dataset.key);
    const body = table.tBodies[0];
    body.replaceChildren();
    table._rows.forEach((r) => {
      const tr = el('tr');
      keys.forEach((k) => tr.append(el('td', /Rate$/.test(k) ? pct(r[k]) : num(r[k]))));
      body.append(tr);
    });
  }
  function sortable(table) {
    Array.from(table.tHead.rows[0].cells).forEach((th) => th.addEventListener('click', () => {
      const k = th.dataset.key, numeric = th.dataset.num === '1';
      const dir = th.classList.contains('asc') ? -1 : 1;
      Array.from(table.tHead.rows[0].cells).forEach((c) => c.classList.remove('asc', 'desc'));
      th.classList.add(dir === 1 ? 'asc' : 'desc');
      table._rows = (table._rows || []).slice().sort((a, b) => {
        const x = a[k], y = b[k];
        if (x === null || x === undefined) { return 1; }
        if (y === null || y === undefined) { return -1; }
        return dir * (numeric ? x - y : String(x).localeCompare(String(y), 'zh'));
      });
      render(table);
    }));
  }

  function load() {
    $('p-error').textContent = '';
    return get('/staff/api/reports/summary?' + query()).then((s) => {
      headline(s);
      chartsOf(s);
      fill('t-units', s.byUnit);
      fill('t-categories', s.byCategory);
      fill('t-districts', s.byDistrict);
      document.body.dataset.loaded = 'yes';
    }).catch((e) => { $('p-error').textContent = e.message; });
  }

  function dashboard() {
    get('/staff/api/me').then((m) => {
      if ($('me')) { $('me').textContent = m.name + ' (' + m.username + ')'; }
      const mine = m.roles.indexOf('SUPERVISOR') < 0;
      m.units.filter((u) => !mine || u.id === m.unit).forEach((u) => {
        const o = el('option', u.name); o.value = u.id; $('p-unit').append(o);
      });
      if (mine) { $('p-unit').value = m.unit; }
    }).catch(() => {});
    const set = () => {
      const custom = $('p-preset').value === 'custom';
      $('p-from').disabled = !custom; $('p-to').disabled = !custom;
      if (!custom) { const [f, t] = period($('p-preset').value); $('p-from').value = f; $('p-to').value = t; }
    };
    $('p-preset').addEventListener('change', () => { set(); load(); });
    $('period').addEventListener('submit', (e) => { e.preventDefault(); load(); });
    $('p-unit').addEventListener('change', load);
    document.querySelectorAll('table.sortable').forEach(sortable);
    const q = new URLSearchParams(location.search);
    if (q.get('from') && q.get('to')) {
      $('p-preset').value = 'custom'; set(); $('p-from').value = q.get('from'); $('p-to').value = q.get('to');
    } else { set(); }
    load();
  }

  function casesPage() {
    const q = new URLSearchParams(location.search);
    $('what').textContent = q.get('measure') + ' · ' + q.get('from') + ' – ' + q.get('to');
    get('/staff/api/reports/cases?' + q.toString()).then((r) => {
      r.cases.forEach((t) => {
        const a = el('a', t); a.href = '/staff/case/' + encodeURIComponent(t);
        const li = el('li'); li.append(a); $('cases').append(li);
      });
      $('truncated').hidden = !r.truncated;
    }).catch((e) => { $('p-error').textContent = e.message; });
  }

  if (document.body.dataset.page === 'reports') { dashboard(); }
  if (document.body.dataset.page === 'report-cases') { casesPage(); }
}());
