// Moderation in the web client: report a message, lesson mode, mute and remove members, and the reports queue.
// The server decides everything (ModerationController); this module only shows what it allows and why a send failed.
import { t } from './i18n.js';
import { api, get, post } from './api.js';
import { $, h } from './dom.js';

const MUTE_MINUTES = [15, 45, 24 * 60];

/** Per chat: { lessonMode, mutedUntil, moderator, mutes: Map(userId → until) } as last told by the server. */
const states = new Map();
let ctx = null;

/** ctx: { state, showError, reloadMembers } from app.js. */
export function initModeration(context) {
  const first = ctx === null;
  ctx = context;
  if (!first) return;
  $('lesson-toggle').addEventListener('click', toggleLesson);
  $('open-reports').addEventListener('click', openQueue);
  $('reports-all').addEventListener('change', loadQueue);
}

/** Loads the chat's moderation state when it is opened, then renders the header toggle and composer notice. */
export async function loadModeration(chatId) {
  try {
    const s = await get(`/api/v1/chats/${chatId}/moderation`);
    states.set(chatId, { ...s, mutes: new Map(s.mutes.map((m) => [m.userId, m.mutedUntil])) });
  } catch {
    states.delete(chatId);
  }
  renderModeration(chatId);
}

export function renderModeration(chatId) {
  if (ctx.state.openId !== chatId) return;
  const s = states.get(chatId);
  const toggle = $('lesson-toggle');
  toggle.hidden = !s?.moderator;
  toggle.setAttribute('aria-pressed', String(!!s?.lessonMode));
  toggle.textContent = s?.lessonMode ? t('lessonOn') : t('lessonOff');
  const notice = $('composer-notice');
  const mutedUntil = s?.mutedUntil && new Date(s.mutedUntil) > new Date() ? s.mutedUntil : null;
  let text = '';
  if (s && !s.moderator && s.lessonMode) text = t('lessonModeNotice');
  else if (mutedUntil) text = t('mutedNotice', new Date(mutedUntil).toLocaleString());
  notice.textContent = text;
  notice.hidden = !text;
}

/** Applies member.muted / member.unmuted / chat.lesson-mode events; answers whether the event was one of them. */
export function applyModerationEvent(f) {
  const s = states.get(f.chatId);
  const me = ctx.state.me.id;
  switch (f.event) {
    case 'chat.lesson-mode':
      if (s) s.lessonMode = f.data.on;
      break;
    case 'member.muted':
      if (s && f.data.userId === me) s.mutedUntil = f.data.mutedUntil;
      s?.mutes.set(f.data.userId, f.data.mutedUntil);
      break;
    case 'member.unmuted':
      if (s && f.data.userId === me) s.mutedUntil = null;
      s?.mutes.delete(f.data.userId);
      break;
    default:
      return false;
  }
  renderModeration(f.chatId);
  return true;
}

/** A refused send: lesson mode or a mute is said in the composer, not only on the failed bubble. */
export function sendRefused(chatId, error) {
  const s = states.get(chatId) ?? { lessonMode: false, moderator: false, mutes: new Map() };
  if (error.code === 'LESSON_MODE') s.lessonMode = true;
  else if (error.code === 'MUTED') s.mutedUntil = error.mutedUntil ?? new Date(Date.now() + 60_000).toISOString();
  else return;
  states.set(chatId, s);
  renderModeration(chatId);
  if (error.code === 'LESSON_MODE') $('composer-notice').textContent = error.message;
}

/** Extra buttons for a message's action bar: report (anyone, not one's own messages). */
export function messageActions(m) {
  if (m.senderId === ctx.state.me.id || m.deleted) return [];
  return [h('button', { type: 'button', class: 'report', onclick: () => report(m) }, t('report'))];
}

async function report(m) {
  const reason = prompt(t('reportReason'));
  if (reason === null) return;
  try {
    await post(`/api/v1/chats/${m.chatId}/messages/${m.id}/report`, { reason: reason.trim() || null });
    alert(t('reported'));
  } catch (e) {
    ctx.showError(e);
  }
}

/** Controls beside a member in the members dialog, for moderators: mute for…, unmute, remove. */
export function memberControls(chatId, member) {
  const s = states.get(chatId);
  if (!s?.moderator || member.userId === ctx.state.me.id || member.role === 'OWNER' || member.role === 'ADMIN') return null;
  const until = s.mutes.get(member.userId);
  const select = h('select', { 'aria-label': t('muteFor') }, MUTE_MINUTES.map((min) => h('option', { value: String(min) }, t('minutes_' + min))));
  return h(
    'span',
    { class: 'member-mod small' },
    until ? h('span', { class: 'muted' }, t('mutedTill', new Date(until).toLocaleTimeString())) : null,
    until
      ? h('button', { type: 'button', onclick: () => act('DELETE', `/api/v1/chats/${chatId}/members/${member.userId}/mute`) }, t('unmute'))
      : [select, h('button', { type: 'button', onclick: () => act('POST', `/api/v1/chats/${chatId}/members/${member.userId}/mute`, { minutes: Number(select.value) }) }, t('mute'))],
    h('button', { type: 'button', class: 'danger', onclick: () => confirm(t('removeConfirm')) && act('DELETE', `/api/v1/chats/${chatId}/members/${member.userId}`) }, t('removeMember')),
  );
}

async function act(method, path, body) {
  try {
    await api(method, path, body);
    await loadModeration(ctx.state.openId);
    ctx.reloadMembers();
  } catch (e) {
    ctx.showError(e);
  }
}

async function toggleLesson() {
  const chatId = ctx.state.openId;
  const s = states.get(chatId);
  if (!s) return;
  try {
    const res = await api('PUT', `/api/v1/chats/${chatId}/lesson-mode`, { on: !s.lessonMode });
    s.lessonMode = res.on;
    renderModeration(chatId);
  } catch (e) {
    ctx.showError(e);
  }
}

function openQueue() {
  $('reports-dialog').showModal();
  loadQueue();
}

async function loadQueue() {
  const list = $('report-list');
  try {
    const reports = await get('/api/v1/moderation/reports' + ($('reports-all').checked ? '?all=true' : ''));
    list.replaceChildren(...reports.map(reportItem));
    $('reports-empty').hidden = reports.length > 0;
  } catch (e) {
    ctx.showError(e);
  }
}

function reportItem(r) {
  const open = !r.resolution;
  return h(
    'li',
    { class: 'report-item', dataset: { id: r.id } },
    h('div', { class: 'small muted' }, `${r.chatTitle ?? '#' + r.chatId} · ${r.reason ?? ''}`),
    h('div', { class: 'text' }, r.messageDeleted ? t('deleted') : r.text),
    open
      ? h(
          'div',
          { class: 'row' },
          h('button', { type: 'button', class: 'danger', onclick: () => resolve(r, 'DELETE') }, t('resolveDelete')),
          h('button', { type: 'button', onclick: () => resolve(r, 'DISMISS') }, t('resolveDismiss')),
        )
      : h('div', { class: 'small muted' }, t('resolution_' + r.resolution)),
  );
}

async function resolve(r, action) {
  try {
    await post(`/api/v1/moderation/reports/${r.id}/resolve`, { action });
    await loadQueue();
  } catch (e) {
    ctx.showError(e);
  }
}
