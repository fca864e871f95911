// Administration: structure, roster import, invitations, class links; loaded only when opened.
import { t, getLang } from './i18n.js';
import { api, get, post, patch } from './api.js';
import { $, h } from './dom.js';
import { roleNames } from './onboard.js';
import { coveragePanel } from './coverage.js';

const CHILD_KINDS = { REGION: ['DEPARTMENT'], DEPARTMENT: ['SCHOOL'], SCHOOL: ['CLASS', 'GROUP', 'STAFF'] };
const COUNTS = ['created', 'updated', 'restored', 'unchanged', 'moved', 'archived', 'classesCreated', 'guardianLinks'];
const MAX_ROWS = 300;

let ctx = null;
const errorText = (err) => (err.status === 0 ? t('networkError') : err.message);
const kindName = (kind) => t('kind_' + kind);
const errorLine = (id) => h('p', { id, class: 'error', role: 'alert' });

function formatDate(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(getLang(), { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

function table(id, heads, rows) {
  return h(
    'div',
    { class: 'table-wrap' },
    h('table', { id, class: 'cards' }, h('thead', {}, h('tr', {}, heads.map((x) => h('th', { scope: 'col' }, x)))), h('tbody', {}, rows)),
  );
}

/** Replaces an element's children, skipping nulls and flattening lists as h() does. */
function fill(el, ...children) {
  el.replaceChildren(...children.flat(2).filter((c) => c !== null && c !== undefined && c !== false));
}

/** Copies text; the Clipboard API needs a secure context, so a hidden field is the fallback. */
async function copy(text, button) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = h('textarea', { class: 'sr-only', readonly: true });
    area.value = text;
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
  const label = button.textContent;
  button.textContent = t('copied');
  setTimeout(() => (button.textContent = label), 1500);
}

/** A collapsible section whose content is built the first time it is opened. */
function panel(id, title, build, open = false) {
  const body = h('div', { class: 'panel-body' });
  const details = h('details', { id, class: 'panel', open }, h('summary', {}, title), body);
  let built = false;
  const load = () => {
    if (!details.open || built) return;
    built = true;
    build(body);
  };
  details.addEventListener('toggle', load);
  if (open) queueMicrotask(load);
  return details;
}

export function showAdmin(context) {
  ctx = context;
  $('admin-view').replaceChildren(
    h(
      'header',
      { class: 'bar' },
      h('button', { id: 'admin-back', type: 'button', class: 'icon', 'aria-label': t('backToChats'), title: t('backToChats'), onclick: () => ctx.close() }, '←'),
      h('h1', { class: 'grow' }, t('admin')),
    ),
    h('main', { id: 'admin-main', class: 'admin-main' }),
  );
  document.title = `${t('admin')} — ${t('appName')}`;
  openUnit(null);
}

async function openUnit(id) {
  const main = $('admin-main');
  main.replaceChildren(h('p', { class: 'muted' }, t('loadingOlder')));
  try {
    if (id === null) renderRoots(await get('/api/v1/units'));
    else renderUnit(await get(`/api/v1/units/${id}`));
    window.scrollTo(0, 0);
  } catch (err) {
    main.replaceChildren(crumbs([]), h('p', { class: 'error', role: 'alert' }, errorText(err)));
  }
}

function crumbs(path) {
  const items = [{ id: null, name: t('allUnits') }, ...path];
  return h(
    'nav',
    { 'aria-label': t('breadcrumbs') },
    h(
      'ol',
      { id: 'crumbs', class: 'crumbs' },
      items.map((u, i) =>
        h(
          'li',
          {},
          i === items.length - 1
            ? h('span', { 'aria-current': 'page' }, u.name)
            : h('button', { type: 'button', onclick: () => openUnit(u.id) }, u.name),
        ),
      ),
    ),
  );
}

function unitList(units) {
  if (!units.length) return h('p', { class: 'muted' }, t('noUnits'));
  return h(
    'ul',
    { id: 'unit-list', class: 'units' },
    units.map((u) =>
      h('li', {}, h('button', { type: 'button', dataset: { unitId: u.id }, onclick: () => openUnit(u.id) }, h('span', { class: 'kind' }, kindName(u.kind)), u.name)),
    ),
  );
}

function addUnitForm(parentId, kinds) {
  const kind = h('select', { id: 'unit-kind' }, kinds.map((k) => h('option', { value: k }, kindName(k))));
  const name = h('input', { id: 'unit-name', required: true, maxlength: 200 });
  const error = errorLine('unit-error');
  return h(
    'form',
    {
      id: 'unit-form',
      class: 'form-row',
      novalidate: true,
      onsubmit: async (e) => {
        e.preventDefault();
        error.textContent = '';
        if (!name.value.trim()) {
          name.focus();
          return;
        }
        try {
          await post('/api/v1/units', { parentId, kind: kind.value, name: name.value.trim() });
          openUnit(parentId);
        } catch (err) {
          error.textContent = errorText(err);
        }
      },
    },
    h('label', {}, t('unitKind'), kind),
    h('label', {}, t('unitName'), name),
    h('button', { type: 'submit', class: 'primary' }, t('add')),
    error,
  );
}

function renderRoots(units) {
  const me = ctx.me();
  fill($('admin-main'),
    crumbs([]),
    h('section', { class: 'panel' }, h('h2', {}, t('myUnits')), unitList(units), me?.systemAdmin ? addUnitForm(null, ['DEPARTMENT', 'REGION']) : null),
  );
}

function renderUnit({ unit, path, children }) {
  const kinds = CHILD_KINDS[unit.kind];
  const groupOfPeople = unit.kind === 'CLASS' || unit.kind === 'GROUP' || unit.kind === 'STAFF';
  fill($('admin-main'),
    crumbs(path.length && path[path.length - 1].id === unit.id ? path : [...path, unit]),
    h('h2', { id: 'unit-title' }, `${unit.name} · ${kindName(unit.kind)}`),
    panel('coverage-panel', t('coverage'), (b) => coveragePanel(b, unit, openUnit, errorText), true),
    kinds
      ? h('section', { id: 'children-panel', class: 'panel' }, h('h2', {}, t(unit.kind === 'SCHOOL' ? 'classesOfSchool' : 'childUnits')), unitList(children.filter((c) => !c.archived)), addUnitForm(unit.id, kinds))
      : null,
    unit.kind === 'SCHOOL' ? panel('roster-panel', t('rosterImport'), (b) => rosterPanel(b, unit), true) : null,
    unit.kind === 'SCHOOL' || unit.kind === 'CLASS' ? panel('invitations-panel', t('invitations'), (b) => invitationsPanel(b, unit), groupOfPeople) : null,
    unit.kind === 'CLASS' ? panel('links-panel', t('classLinks'), (b) => linksPanel(b, unit)) : null,
    unit.kind === 'CLASS' ? panel('requests-panel', t('joinRequests'), (b) => requestsPanel(b, unit), true) : null,
    panel('people-panel', t('peopleAndRoles'), (b) => peoplePanel(b, unit, children)),
    panel('settings-panel', t('settings'), (b) => settingsPanel(b, unit)),
  );
}

/** The unit's people with their roles (and where they hold them) and whether they have activated an account. */
async function peoplePanel(body, unit, children) {
  const names = new Map(children.map((c) => [c.id, c.name]));
  names.set(unit.id, unit.name);
  const error = errorLine('people-error');
  body.append(error);
  try {
    const entries = await get(`/api/v1/units/${unit.id}/people`);
    const rows = entries.slice(0, MAX_ROWS).map(({ person, roles }) =>
      h('tr', { 'data-person-id': person.id },
        h('td', { 'data-label': t('nameCol') }, [person.surname, person.name, person.patronymic].filter(Boolean).join(' ')),
        h('td', { 'data-label': t('roleCol') }, roles.map((r) => `${t('role_' + r.role)}${r.unitId !== unit.id && names.has(r.unitId) ? ' ' + names.get(r.unitId) : ''}${r.subjects.length ? ' (' + r.subjects.join(', ') + ')' : ''}`).join('; ')),
        h('td', { 'data-label': t('accountCol') }, person.userId ? t('accountActive') : t('accountNone'))));
    body.append(
      entries.length ? table('people-table', [t('nameCol'), t('roleCol'), t('accountCol')], rows) : h('p', { class: 'muted' }, t('noPeople')),
      entries.length > MAX_ROWS ? h('p', { class: 'muted' }, t('shownFirst', MAX_ROWS, entries.length)) : null,
    );
  } catch (err) {
    error.textContent = errorText(err);
  }
}

/** Classes created by a roster import appear without leaving the page. */
async function reloadChildren(id) {
  try {
    const details = await get(`/api/v1/units/${id}`);
    $('unit-list')?.remove();
    $('children-panel')?.querySelector(':scope > p.muted')?.remove();
    $('children-panel')?.querySelector('h2').after(unitList(details.children.filter((c) => !c.archived)));
  } catch {
    /* shown on the next visit */
  }
}

// ---------- settings ----------

function settingsPanel(body, unit) {
  const deadline = h('input', { id: 'unit-deadline', type: 'date', value: unit.deadline ?? '' });
  const zone = h('input', { id: 'unit-zone', value: unit.timeZone ?? '', placeholder: 'Europe/Moscow', spellcheck: 'false' });
  const error = errorLine('settings-error');
  const status = h('p', { id: 'settings-status', class: 'muted small', role: 'status' });
  body.append(
    h(
      'form',
      {
        class: 'form-row',
        novalidate: true,
        onsubmit: async (e) => {
          e.preventDefault();
          error.textContent = '';
          status.textContent = '';
          try {
            const saved = await patch(`/api/v1/units/${unit.id}`, { deadline: deadline.value || null, timeZone: zone.value.trim() || null });
            Object.assign(unit, saved);
            status.textContent = t('saved');
          } catch (err) {
            error.textContent = errorText(err);
          }
        },
      },
      h('label', {}, t('deadline'), deadline),
      h('label', {}, t('timeZone'), zone),
      h('button', { type: 'submit', class: 'primary' }, t('save')),
    ),
    h('p', { class: 'muted small' }, t('deadlineHint')),
    error,
    status,
  );
}

// ---------- roster import ----------

function rosterPanel(body, unit) {
  const file = h('input', { id: 'roster-file', type: 'file', accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const skip = h('input', { id: 'roster-skip', type: 'checkbox' });
  const skipRow = h('label', { class: 'check', hidden: true }, skip, h('span', {}, t('rosterSkip')));
  const check = h('button', { id: 'roster-check', type: 'button', class: 'primary' }, t('rosterCheck'));
  const apply = h('button', { id: 'roster-apply', type: 'button', disabled: true }, t('rosterApply'));
  const error = errorLine('roster-error');
  const report = h('div', { id: 'roster-report' });
  const history = h('div', { id: 'roster-history' });

  file.addEventListener('change', () => {
    apply.disabled = true;
    skipRow.hidden = true;
    skip.checked = false;
    report.replaceChildren();
    error.textContent = '';
  });

  async function run(dryRun) {
    const f = file.files[0];
    error.textContent = '';
    if (!f) {
      error.textContent = t('chooseFile');
      return;
    }
    const form = new FormData();
    form.append('file', f, f.name);
    check.disabled = apply.disabled = true;
    report.replaceChildren(h('p', { class: 'muted', role: 'status' }, t(dryRun ? 'rosterChecking' : 'rosterApplying')));
    try {
      const r = await api('POST', `/api/v1/units/${unit.id}/roster?dryRun=${dryRun}&skipInvalidRows=${skip.checked}`, form);
      renderReport(report, r);
      skipRow.hidden = !(dryRun && r.errors.length);
      apply.disabled = !dryRun;
      if (!dryRun) {
        loadHistory();
        reloadChildren(unit.id);
      }
    } catch (err) {
      report.replaceChildren();
      error.textContent = errorText(err);
      if (err.body?.report) {
        renderReport(report, err.body.report);
        skipRow.hidden = false;
        apply.disabled = false;
      }
    } finally {
      check.disabled = false;
    }
  }
  check.addEventListener('click', () => run(true));
  apply.addEventListener('click', () => run(false));

  async function loadHistory() {
    try {
      const list = await get(`/api/v1/units/${unit.id}/roster/imports`);
      history.replaceChildren(
        h('h3', {}, t('rosterHistory')),
        list.length
          ? table(
              'roster-history-table',
              [t('when'), t('file'), t('result'), t('rowsCol'), t('c_created'), t('c_updated'), t('c_archived'), t('errorsCol')],
              list.map((x) =>
                h(
                  'tr',
                  {},
                  h('td', { class: 'num' }, formatDate(x.createdAt)),
                  h('td', {}, x.fileName),
                  h('td', {}, x.applied ? t('historyApplied') : t('historyChecked')),
                  h('td', { class: 'num' }, String(x.summary?.rows ?? '')),
                  h('td', { class: 'num' }, String(x.summary?.counts?.created ?? '')),
                  h('td', { class: 'num' }, String(x.summary?.counts?.updated ?? '')),
                  h('td', { class: 'num' }, String(x.summary?.counts?.archived ?? '')),
                  h('td', { class: 'num' }, String(x.summary?.errors ?? '')),
                ),
              ),
            )
          : h('p', { class: 'muted' }, t('noHistory')),
      );
    } catch (err) {
      history.replaceChildren(h('p', { class: 'error' }, errorText(err)));
    }
  }

  body.append(
    h('p', { class: 'muted small' }, t('rosterIntro')),
    h(
      'p',
      { class: 'row wrap' },
      h('span', {}, t('templates')),
      h('a', { class: 'button', href: '/api/v1/roster/template.csv', download: 'roster-template.csv' }, 'CSV'),
      h('a', { class: 'button', href: '/api/v1/roster/template.xlsx', download: 'roster-template.xlsx' }, 'Excel (XLSX)'),
    ),
    h('div', { class: 'form-row' }, h('label', {}, t('rosterFile'), file), check),
    error,
    h('div', { class: 'form-row' }, skipRow, apply),
    report,
    history,
  );
  loadHistory();
}

function renderReport(out, r) {
  const counts = h(
    'dl',
    { id: 'roster-counts', class: 'counts' },
    [...COUNTS.map((k) => [k, r.counts?.[k] ?? 0]), ['chatsAdded', r.chats?.added ?? 0], ['chatsRemoved', r.chats?.removed ?? 0]].map(([k, v]) =>
      h('div', { dataset: { count: k } }, h('dt', {}, t('c_' + k)), h('dd', {}, String(v))),
    ),
  );
  const errors = r.errors ?? [];
  const people = r.people ?? [];
  fill(out,
    h('p', { id: 'roster-summary', class: r.applied ? 'ok' : 'notice' }, t(r.applied ? 'rosterApplied' : 'rosterDryRun', r.rows, r.format ?? '')),
    counts,
    errors.length
      ? [
          h('h3', {}, t('rowErrors', errors.length)),
          table(
            'roster-errors',
            [t('lineCol'), t('columnCol'), t('messageCol'), t('valueCol')],
            errors.slice(0, MAX_ROWS).map((e) => h('tr', {}, h('td', { class: 'num' }, String(e.line ?? '')), h('td', {}, e.column ?? ''), h('td', {}, e.message ?? e.code), h('td', {}, e.rawValue ?? ''))),
          ),
        ]
      : h('p', { id: 'roster-no-errors', class: 'ok' }, t('noRowErrors')),
    people.length
      ? [
          h('h3', {}, t('peopleChanges', people.length)),
          table(
            'roster-people',
            [t('lineCol'), t('nameCol'), t('changeCol'), t('detailCol')],
            people.slice(0, MAX_ROWS).map((p) => h('tr', {}, h('td', { class: 'num' }, String(p.line ?? '')), h('td', {}, p.name), h('td', {}, t('change_' + p.change)), h('td', {}, p.detail ?? ''))),
          ),
          people.length > MAX_ROWS ? h('p', { class: 'muted small' }, t('andMore', people.length - MAX_ROWS)) : null,
        ]
      : null,
  );
}

// ---------- invitations ----------

function invitationsPanel(body, unit) {
  const error = errorLine('inv-error');
  const list = h('div', { id: 'inv-list' });
  // printing issues codes to whoever lacks one, then downloads the sheets
  const pdf = h('a', { id: 'inv-pdf', class: 'button', href: `/api/v1/units/${unit.id}/invitations.pdf`, download: '' }, t('printPdf'));
  const issue = h('button', { id: 'inv-issue', type: 'button', class: 'primary' }, t('issueCodes'));

  function render(items) {
    list.replaceChildren(
      items.length
        ? table(
            'inv-table',
            [t('nameCol'), t('roleCol'), t('classCol'), t('statusCol'), t('codeCol'), t('actionsCol')],
            items.map((i) => invitationRow(i, error, reload)),
          )
        : h('p', { class: 'muted' }, t('noPeople')),
    );
  }
  async function reload() {
    try {
      render(await get(`/api/v1/units/${unit.id}/invitations`));
    } catch (err) {
      error.textContent = errorText(err);
    }
  }
  issue.addEventListener('click', async () => {
    error.textContent = '';
    issue.disabled = true;
    try {
      render(await post(`/api/v1/units/${unit.id}/invitations`));
    } catch (err) {
      error.textContent = errorText(err);
    } finally {
      issue.disabled = false;
    }
  });
  body.append(
    h('p', { class: 'muted small' }, t('invitationsIntro')),
    h('div', { class: 'row wrap' }, issue, h('button', { type: 'button', onclick: reload }, t('refresh')), pdf),
    error,
    list,
  );
  reload();
}

function invitationRow(i, error, reload) {
  const act = async (method) => {
    error.textContent = '';
    try {
      await api(method, `/api/v1/people/${i.personId}/invitation`);
      reload();
    } catch (err) {
      error.textContent = errorText(err);
    }
  };
  const live = i.status === 'ACTIVE';
  const copyBtn = live ? h('button', { type: 'button', class: 'copy', onclick: (e) => copy(i.code, e.currentTarget) }, t('copy')) : null;
  const linkBtn = live ? h('button', { type: 'button', onclick: (e) => copy(`${location.origin}/activate?code=${i.code}`, e.currentTarget) }, t('copyLink')) : null;
  return h(
    'tr',
    { dataset: { personId: i.personId } },
    h('td', {}, i.fullName),
    h('td', {}, roleNames(i.role)),
    h('td', {}, i.className ?? ''),
    h('td', {}, h('span', { class: `status ${i.status}`, dataset: { status: i.status } }, t('inv_' + i.status))),
    h('td', {}, live ? h('code', { class: 'code' }, i.code) : ''),
    h(
      'td',
      {},
      h(
        'div',
        { class: 'row' },
        copyBtn,
        linkBtn,
        i.status !== 'ACTIVATED' ? h('button', { type: 'button', class: 'reissue', onclick: () => act('POST') }, t(i.status === 'NO_CODE' ? 'issueOne' : 'reissue')) : null,
        live ? h('button', { type: 'button', class: 'revoke', onclick: () => confirm(t('confirmRevoke', i.fullName)) && act('DELETE') }, t('revoke')) : null,
      ),
    ),
  );
}

// ---------- class links and join requests ----------

function linksPanel(body, unit) {
  const role = h('select', { id: 'link-role' }, ['PUPIL', 'GUARDIAN', 'TEACHER'].map((r) => h('option', { value: r }, t('role_' + r))));
  const approval = h('input', { id: 'link-approval', type: 'checkbox', checked: true });
  const approvalRow = h('label', { class: 'check' }, approval, h('span', {}, t('linkApproval')));
  const error = errorLine('link-error');
  const list = h('ul', { id: 'link-list', class: 'links' });
  const sync = () => {
    // the server always asks for approval of pupils
    approval.disabled = role.value === 'PUPIL';
    if (approval.disabled) approval.checked = true;
  };
  role.addEventListener('change', sync);
  sync();
  body.append(
    h('p', { class: 'muted small' }, t('linksIntro')),
    h(
      'form',
      {
        class: 'form-row',
        novalidate: true,
        onsubmit: async (e) => {
          e.preventDefault();
          error.textContent = '';
          try {
            const link = await post(`/api/v1/units/${unit.id}/links`, { role: role.value, requiresApproval: approval.checked });
            const copyBtn = h('button', { type: 'button', onclick: (ev) => copy(link.url, ev.currentTarget) }, t('copy'));
            list.prepend(
              h(
                'li',
                { dataset: { role: link.role } },
                h('span', {}, `${t('role_' + link.role)}${link.requiresApproval ? ' · ' + t('withApproval') : ''}:`),
                h('span', { class: 'url link-url' }, link.url),
                copyBtn,
              ),
            );
          } catch (err) {
            error.textContent = errorText(err);
          }
        },
      },
      h('label', {}, t('linkRole'), role),
      approvalRow,
      h('button', { id: 'link-create', type: 'submit', class: 'primary' }, t('createLink')),
    ),
    error,
    list,
  );
}

function requestsPanel(body, unit) {
  const error = errorLine('jr-error');
  const list = h('div', { id: 'jr-list' });
  async function reload() {
    try {
      const items = await get(`/api/v1/units/${unit.id}/join-requests`);
      list.replaceChildren(
        items.length
          ? table(
              'jr-table',
              [t('nameCol'), t('roleCol'), t('childCol'), t('actionsCol')],
              items.map((r) =>
                h(
                  'tr',
                  { dataset: { requestId: r.id } },
                  h('td', {}, `${r.surname} ${r.name}`),
                  h('td', {}, t('role_' + r.role)),
                  h('td', {}, r.childName ?? ''),
                  h(
                    'td',
                    {},
                    h(
                      'div',
                      { class: 'row' },
                      h('button', { type: 'button', class: 'approve primary', onclick: () => decide(r.id, 'approve') }, t('approve')),
                      h('button', { type: 'button', class: 'reject', onclick: () => decide(r.id, 'reject') }, t('reject')),
                    ),
                  ),
                ),
              ),
            )
          : h('p', { id: 'jr-empty', class: 'muted' }, t('noJoinRequests')),
      );
    } catch (err) {
      error.textContent = errorText(err);
    }
  }
  async function decide(id, what) {
    error.textContent = '';
    try {
      await post(`/api/v1/join-requests/${id}/${what}`);
    } catch (err) {
      error.textContent = errorText(err);
    }
    reload();
  }
  body.append(h('div', { class: 'row' }, h('button', { id: 'jr-refresh', type: 'button', onclick: reload }, t('refresh'))), error, list);
  reload();
}

