// Coverage dashboard of a unit: percent connected against the target and deadline, per role, per sub-unit with
// drill-down, daily history, the people not yet connected, and the XLSX / PDF report. Loaded with the admin area.
import { t } from './i18n.js';
import { get, post } from './api.js';
import { h } from './dom.js';

const LIST_LIMIT = 300;
const SVG = 'http://www.w3.org/2000/svg';

const pct = (v) => `${(v ?? 0).toFixed(1).replace('.', t('decimalSeparator'))} %`;

function countsRow(name, c, onOpen) {
  const label = onOpen ? h('button', { type: 'button', class: 'link', onclick: onOpen }, name) : name;
  return h('tr', {},
    h('th', { scope: 'row' }, label),
    ...[c.rostered, c.activated, c.connected, c.active7d].map((n, i) => h('td', { class: 'num', 'data-label': t(['covRostered', 'covActivated', 'covConnected', 'covActive'][i]) }, String(n))),
    h('td', { class: 'num', 'data-label': '%' }, pct(c.connectedPercent)));
}

function countsTable(id, first, rows) {
  return h('div', { class: 'table-wrap' }, h('table', { id, class: 'cov-table' },
    h('thead', {}, h('tr', {}, [first, t('covRostered'), t('covActivated'), t('covConnected'), t('covActive'), '%'].map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, rows)));
}

function bar(percent) {
  const fill = h('span', { class: 'cov-fill' });
  fill.style.width = `${Math.max(0, Math.min(100, percent))}%`;
  return h('span', { class: 'cov-bar', role: 'img', 'aria-label': pct(percent) }, fill);
}

/** A small line chart of the connected percentage per day, drawn as SVG (no library). */
function historyChart(days) {
  if (days.length === 0) return h('p', { class: 'muted', id: 'cov-history-empty' }, t('covNoHistory'));
  const w = 320, hgt = 120, pad = 24;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${w} ${hgt}`);
  svg.setAttribute('class', 'cov-chart');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', t('covHistory'));
  const x = (i) => pad + (days.length === 1 ? (w - 2 * pad) / 2 : (i * (w - 2 * pad)) / (days.length - 1));
  const y = (p) => hgt - pad - (p / 100) * (hgt - 2 * pad);
  for (const level of [0, 50, 100]) {
    const line = document.createElementNS(SVG, 'line');
    Object.entries({ x1: pad, x2: w - pad, y1: y(level), y2: y(level), class: 'grid' }).forEach(([k, v]) => line.setAttribute(k, v));
    const label = document.createElementNS(SVG, 'text');
    Object.entries({ x: 2, y: y(level) + 4, class: 'axis' }).forEach(([k, v]) => label.setAttribute(k, v));
    label.textContent = String(level);
    svg.append(line, label);
  }
  const path = document.createElementNS(SVG, 'polyline');
  path.setAttribute('points', days.map((d, i) => `${x(i)},${y(d.totals.connectedPercent)}`).join(' '));
  path.setAttribute('class', 'line');
  svg.append(path);
  days.forEach((d, i) => {
    const dot = document.createElementNS(SVG, 'circle');
    Object.entries({ cx: x(i), cy: y(d.totals.connectedPercent), r: 3, class: 'dot' }).forEach(([k, v]) => dot.setAttribute(k, v));
    const title = document.createElementNS(SVG, 'title');
    title.textContent = `${d.day}: ${pct(d.totals.connectedPercent)}`;
    dot.append(title);
    svg.append(dot);
  });
  return svg;
}

export function coveragePanel(body, unit, openUnit, errorText) {
  const error = h('p', { id: 'cov-error', class: 'error', role: 'alert' });
  const content = h('div', { id: 'cov-content' });
  const history = h('div', { id: 'cov-history' });
  const snapshot = h('button', { id: 'cov-snapshot', type: 'button' }, t('covSnapshot'));

  async function loadHistory() {
    try {
      history.replaceChildren(h('h3', {}, t('covHistory')), historyChart(await get(`/api/v1/units/${unit.id}/coverage/history`)));
    } catch (err) {
      error.textContent = errorText(err);
    }
  }

  async function load() {
    error.textContent = '';
    try {
      const r = await get(`/api/v1/units/${unit.id}/coverage`);
      const tot = r.totals;
      const deadline = r.deadline
        ? h('p', { id: 'cov-deadline', class: r.daysLeft < 0 ? 'error' : 'muted' },
            r.daysLeft < 0 ? t('covOverdue', r.deadline) : t('covDeadline', r.deadline, r.daysLeft))
        : h('p', { class: 'muted' }, t('covNoDeadline'));
      const missing = r.notConnected;
      const parts = [
        h('div', { class: 'cov-summary' },
          h('strong', { id: 'cov-percent', class: 'cov-big' }, pct(tot.connectedPercent)),
          h('span', {}, t('covOfTarget', tot.connected, tot.rostered, r.targetPercent)),
          bar(tot.connectedPercent)),
        deadline,
        h('h3', {}, t('covByRole')),
        countsTable('cov-roles', t('roleCol'), r.roles.filter((x) => x.counts.rostered > 0).map((x) => countsRow(t('role_' + x.role), x.counts))),
        r.units.length
          ? [h('h3', {}, t('covByUnit')),
             countsTable('cov-units', t('covUnit'), r.units.map((u) => countsRow(u.name, u.counts, () => openUnit(u.unitId)))),
             h('ul', { class: 'cov-bars' }, r.units.map((u) => h('li', {}, h('span', { class: 'cov-name' }, u.name), bar(u.counts.connectedPercent), h('span', { class: 'num' }, pct(u.counts.connectedPercent)))))]
          : null,
        h('h3', {}, t('covNotConnected', missing.length)),
        missing.length
          ? h('div', { class: 'table-wrap' }, h('table', { id: 'cov-missing', class: 'cards' },
              h('thead', {}, h('tr', {}, [t('nameCol'), t('roleCol'), t('classCol'), t('covInvitation')].map((x) => h('th', { scope: 'col' }, x)))),
              h('tbody', {}, missing.slice(0, LIST_LIMIT).map((m) => h('tr', { 'data-status': m.invitation },
                h('td', { 'data-label': t('nameCol') }, m.fullName),
                h('td', { 'data-label': t('roleCol') }, m.roles.map((x) => t('role_' + x)).join(', ')),
                h('td', { 'data-label': t('classCol') }, m.classes.join(', ')),
                h('td', { 'data-label': t('covInvitation') }, t('inv_' + m.invitation)))))))
          : h('p', { class: 'muted' }, t('covAllConnected')),
        missing.length > LIST_LIMIT ? h('p', { class: 'muted' }, t('covShownFirst', LIST_LIMIT, missing.length)) : null,
      ];
      content.replaceChildren(...parts.flat().filter((x) => x));
    } catch (err) {
      error.textContent = errorText(err);
    }
  }

  snapshot.addEventListener('click', async () => {
    snapshot.disabled = true;
    try {
      await post(`/api/v1/units/${unit.id}/coverage/snapshot`);
      await loadHistory();
    } catch (err) {
      error.textContent = errorText(err);
    } finally {
      snapshot.disabled = false;
    }
  });

  body.append(
    h('div', { class: 'row wrap' },
      h('a', { id: 'cov-pdf', class: 'button', href: `/api/v1/units/${unit.id}/coverage.pdf`, download: '' }, t('covPdf')),
      h('a', { id: 'cov-xlsx', class: 'button', href: `/api/v1/units/${unit.id}/coverage.xlsx`, download: '' }, t('covXlsx')),
      h('button', { type: 'button', onclick: load }, t('refresh')),
      snapshot),
    error, content, history);
  load();
  loadHistory();
}
