import { t, getLang, setLang, translatePage } from './i18n.js';
import { api, get, post, setUnauthenticatedHandler } from './api.js';
import { Outbox, newClientId } from './outbox.js';
import { Stream } from './stream.js';
import { beep } from './sound.js';
import { $, h } from './dom.js';
import { attachmentsElement } from './media.js';
import { initAttachments, addFiles, trayFiles, clearTray, pendingFiles, showProgress } from './attachments.js';
import { ensureSecondFactor } from './totp.js';
import { initModeration, loadModeration, applyModerationEvent, sendRefused, messageActions, memberControls } from './moderation.js';

const REACTIONS = ['👍', '❤️', '😂', '😮', '😢', '🙏', '👏', '🔥', '✅', '👎'];
const state = {
  me: null,
  chats: new Map(),
  cursors: new Map(),
  names: new Map(),
  openId: null,
  view: null,
  replyTo: null,
  editing: null,
  mention: null,
  pendingMentions: new Map(),
  typers: new Map(),
  lastTypingSent: 0,
  sound: localStorage.getItem('parta.sound') === 'on',
  connState: 'connecting',
};
let outbox = null;
let stream = null;

// ---------- start, login, logout ----------

function initLanguage() {
  for (const sel of document.querySelectorAll('.lang-select')) {
    sel.value = getLang();
    sel.addEventListener('change', () => {
      setLang(sel.value);
      for (const other of document.querySelectorAll('.lang-select')) other.value = getLang();
      rerenderAll();
    });
  }
  translatePage();
}

function rerenderAll() {
  if (!state.me) return;
  renderConn();
  renderSound();
  $('me').textContent = t('myId', state.me.id);
  renderChatList();
  if (state.view) {
    renderChatHeader();
    for (const m of state.view.msgs.values()) renderMessage(m);
    renderPending();
    renderTyping();
    renderPinned();
    renderComposeContext();
  }
}

async function boot() {
  initLanguage();
  setUnauthenticatedHandler(() => {
    if (state.me && state.started) signedOut();
  });
  bindStatic();
  let me = null;
  try {
    me = await get('/api/v1/me');
  } catch {
    /* not signed in */
  }
  state.me = me;
  const path = location.pathname;
  const join = path.match(/^\/join\/([^/]+)\/?$/);
  if (path === '/activate') openActivation(new URLSearchParams(location.search).get('code') ?? '');
  else if (join) openJoin(decodeURIComponent(join[1]));
  else if (!me) showLogin();
  else {
    startApp(me);
    if (path === '/admin') openAdmin();
  }
}

const VIEWS = ['login-view', 'app-view', 'flow-view', 'admin-view'];
function showView(id) {
  for (const v of VIEWS) $(v).hidden = v !== id;
}

function showLogin(note = '') {
  showView('login-view');
  $('login-return').textContent = note;
  $('login-return').hidden = !note;
  document.title = t('appName');
  $('login-name').focus();
}

// ---------- activation, class links, admin: modules loaded when opened ----------

function flowContext() {
  return {
    me: () => state.me,
    signIn: (returnTo) => {
      state.returnTo = returnTo;
      showLogin(t('signInToContinue'));
    },
    signedIn: (user) => {
      history.replaceState(null, '', '/');
      startApp(user);
    },
    toChats: () => {
      history.replaceState(null, '', '/');
      state.returnTo = null;
      if (state.me) startApp(state.me);
      else showLogin();
    },
  };
}

async function openActivation(code) {
  if (location.pathname !== '/activate') history.replaceState(null, '', '/activate');
  const { showActivation } = await import('./onboard.js');
  showView('flow-view');
  showActivation(flowContext(), code);
}

async function openJoin(token) {
  const { showJoin } = await import('./onboard.js');
  showView('flow-view');
  await showJoin(flowContext(), token);
}

async function openAdmin() {
  const { showAdmin } = await import('./admin.js');
  history.replaceState(null, '', '/admin');
  showView('admin-view');
  showAdmin({
    me: () => state.me,
    close: () => {
      history.replaceState(null, '', '/');
      showView('app-view');
      loadChats();
    },
  });
}

async function checkAdmin() {
  try {
    const units = await get('/api/v1/units');
    $('open-admin').hidden = !(units.length > 0 || state.me?.systemAdmin);
  } catch {
    $('open-admin').hidden = !state.me?.systemAdmin;
  }
}

async function onLogin(e) {
  e.preventDefault();
  const login = $('login-name').value.trim();
  const password = $('login-password').value;
  const button = $('login-submit');
  $('login-error').textContent = '';
  button.disabled = true;
  button.textContent = t('signingIn');
  try {
    const body = { login, password };
    const totp = $('login-totp').value.replace(/\s/g, '');
    if (!$('login-totp-row').hidden && totp) body.totp = totp;
    const res = await post('/api/v1/auth/login', body);
    $('login-password').value = '';
    $('login-totp').value = '';
    $('login-totp-row').hidden = true;
    if (state.returnTo) {
      const back = state.returnTo;
      state.returnTo = null;
      state.me = res.user;
      showView('flow-view');
      back();
    } else startApp(res.user);
  } catch (err) {
    // An account with a second factor: the server asks for the code once the password is right.
    if (err.code === 'TOTP_REQUIRED' || err.code === 'TOTP_INVALID') {
      $('login-totp-row').hidden = false;
      $('login-totp').focus();
    }
    $('login-error').textContent = err.status === 0 ? t('networkError') : err.message;
  } finally {
    button.disabled = false;
    button.textContent = t('signIn');
  }
}

async function logout() {
  try {
    await post('/api/v1/auth/logout');
  } catch {
    /* signed out locally anyway */
  }
  signedOut();
}

function signedOut() {
  stream?.stop();
  outbox?.stop();
  outbox = null;
  state.me = null;
  state.started = false;
  $('open-admin').hidden = true;
  state.chats.clear();
  state.cursors.clear();
  state.openId = null;
  state.view = null;
  $('chat-list').replaceChildren();
  $('messages').replaceChildren();
  showLogin();
}

async function startApp(me) {
  if (state.started && state.me?.id === me.id) {
    showView('app-view');
    document.title = t('appName');
    loadChats();
    return;
  }
  if (state.started) signedOut();
  if (me.systemAdmin) await ensureSecondFactor();
  state.started = true;
  state.me = me;
  state.names.set(me.id, `${me.surname} ${me.name}`);
  showView('app-view');
  checkAdmin();
  $('me').textContent = t('myId', me.id);
  renderSound();
  outbox = new Outbox(me.id, {
    onSent: outboxSent,
    onFailed: outboxFailed,
    onChange: () => {},
    onProgress: (item, key, sent, size) => showProgress(item.clientId, key, sent, size),
  });
  initModeration({ state, showError, reloadMembers: () => state.view && loadMembers() });
  if (!stream) {
    stream = new Stream({
      cursors: state.cursors,
      onFrame,
      onState: (s) => {
        state.connState = s;
        renderConn();
      },
      onReady: () => outbox?.flush(),
    });
    addEventListener('online', () => outbox?.flush());
  }
  renderConn();
  await loadChats();
  outbox.flush();
  const wanted = Number(location.hash.replace('#chat-', ''));
  if (wanted && state.chats.has(wanted)) openChat(wanted);
}

// ---------- chat list ----------

async function loadChats() {
  try {
    const list = await get('/api/v1/chats');
    for (const c of list) {
      state.chats.set(c.id, c);
      const cur = state.cursors.get(c.id) ?? 0;
      if (c.lastPosition > cur) state.cursors.set(c.id, c.lastPosition);
      if (c.lastMessage) state.names.set(c.lastMessage.senderId, c.lastMessage.senderName);
    }
    renderChatList();
    // the stream starts only once the cursors are known, or it would replay every chat from the start
    if (stream.stopped && state.me) stream.start();
  } catch (e) {
    if (e.status !== 401) setTimeout(loadChats, 3000);
  }
}

let chatsReload = null;
function reloadChatsSoon() {
  clearTimeout(chatsReload);
  chatsReload = setTimeout(loadChats, 300);
}

const refreshing = new Map();
/** Re-reads one chat's row (unread count after reading elsewhere). */
function refreshChatSoon(chatId) {
  clearTimeout(refreshing.get(chatId));
  refreshing.set(
    chatId,
    setTimeout(async () => {
      try {
        const fresh = await get(`/api/v1/chats/${chatId}`);
        const chat = state.chats.get(chatId);
        if (chat) {
          chat.unread = fresh.unread;
          chat.readPosition = Math.max(chat.readPosition, fresh.readPosition);
          renderChatList();
        }
      } catch {
        /* the next event corrects it */
      }
    }, 300),
  );
}

function chatTitle(c) {
  return c.title || t(c.kind === 'DIRECT' ? 'direct' : c.kind === 'CHANNEL' ? 'channel' : 'group');
}

function previewText(c) {
  const m = c.lastMessage;
  if (!m) return t('noMessages');
  const text = m.text === '' ? t('attachmentPreview') : m.text ?? t('deletedPreview');
  const who = m.senderId === state.me.id ? t('you') : m.senderName;
  return c.kind === 'DIRECT' && m.senderId !== state.me.id ? text : `${who}: ${text}`;
}

function formatTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  const today = new Date().toDateString() === d.toDateString();
  const opts = today ? { hour: '2-digit', minute: '2-digit' } : { day: 'numeric', month: 'short' };
  return new Intl.DateTimeFormat(getLang(), opts).format(d);
}

function renderChatList() {
  const filter = $('chat-filter').value.trim().toLowerCase();
  const chats = [...state.chats.values()].sort(
    (a, b) => (b.lastActivityAt ?? '').localeCompare(a.lastActivityAt ?? '') || b.id - a.id,
  );
  const items = chats
    .filter((c) => !filter || chatTitle(c).toLowerCase().includes(filter))
    .map((c) =>
      h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'chat-item',
            dataset: { chatId: c.id },
            'aria-current': c.id === state.openId ? 'true' : null,
            onclick: () => openChat(c.id),
          },
          h(
            'span',
            { class: 'grow' },
            h(
              'span',
              { class: 'title-row' },
              h('span', { class: 'title' }, chatTitle(c)),
              c.generatedKind ? h('span', { class: 'auto', title: t('autoChat') }, t('auto')) : null,
            ),
            h('span', { class: 'preview' }, previewText(c)),
          ),
          h(
            'span',
            { class: 'meta' },
            h('span', {}, formatTime(c.lastActivityAt)),
            c.unread > 0 ? h('span', { class: 'badge', 'aria-label': t('unread', c.unread) }, String(c.unread)) : null,
          ),
        ),
      ),
    );
  $('chat-list').replaceChildren(...items);
  $('no-chats').hidden = items.length > 0;
  updateTitle();
}

function updateTitle() {
  let total = 0;
  for (const c of state.chats.values()) total += c.unread;
  document.title = (total > 0 ? `(${total}) ` : '') + t('appName');
}

function renderConn() {
  $('conn').textContent = t(state.connState);
  for (const el of document.querySelectorAll('.conn')) {
    el.classList.remove('online', 'connecting', 'offline');
    el.classList.add(state.connState);
    el.textContent = t(state.connState);
  }
}

function renderSound() {
  const b = $('sound-toggle');
  b.textContent = state.sound ? t('soundOn') : t('soundOff');
  b.setAttribute('aria-pressed', String(state.sound));
  b.title = t('sound');
}

// ---------- opening a chat, history ----------

async function openChat(chatId) {
  const chat = state.chats.get(chatId);
  if (!chat) return;
  state.openId = chatId;
  state.view = { chatId, msgs: new Map(), members: new Map(), oldest: null, hasMore: true, loading: false, pinned: new Map() };
  state.replyTo = null;
  state.editing = null;
  state.typers.clear();
  clearTray();
  if (!$('recorder').hidden) stopVoice(false);
  history.replaceState(null, '', '#chat-' + chatId);
  $('app-view').classList.add('chat-open');
  $('chat-empty').hidden = true;
  $('chat-pane').hidden = false;
  $('messages').replaceChildren();
  $('search-form').hidden = true;
  $('search-results').hidden = true;
  $('search-toggle').setAttribute('aria-expanded', 'false');
  const manager = chat.role === 'OWNER' || chat.role === 'ADMIN';
  $('composer').hidden = chat.kind === 'CHANNEL' && !manager;
  renderChatHeader();
  loadModeration(chatId);
  renderChatList();
  renderComposeContext();
  renderTyping();
  const view = state.view;
  await Promise.all([loadMembers(), loadOlder(), loadPinned()]);
  if (state.view !== view) return;
  renderPending();
  scrollToBottom();
  while (view.hasMore && $('messages').scrollHeight <= $('messages').clientHeight && state.view === view) {
    await loadOlder();
  }
  maybeMarkRead();
  if (matchMedia('(min-width: 768px)').matches) $('compose-input').focus();
}

function closeChat() {
  state.openId = null;
  state.view = null;
  history.replaceState(null, '', location.pathname);
  $('app-view').classList.remove('chat-open');
  $('chat-pane').hidden = true;
  $('chat-empty').hidden = false;
  $('lesson-toggle').hidden = true;
  $('composer-notice').hidden = true;
  renderChatList();
  $('chat-list').querySelector('button')?.focus();
}

function renderChatHeader() {
  const chat = state.chats.get(state.openId);
  if (!chat) return;
  $('chat-title').textContent = chatTitle(chat);
  $('chat-sub').textContent = state.view.members.size ? t('members', state.view.members.size) : '';
}

function showMembers() {
  if (!state.view) return;
  const members = [...state.view.members.values()].sort((a, b) => `${a.surname} ${a.name}`.localeCompare(`${b.surname} ${b.name}`));
  $('member-list').replaceChildren(
    ...members.map((m) =>
      h(
        'li',
        {},
        h('span', { class: 'name' }, `${m.surname} ${m.name}`, m.role === 'OWNER' || m.role === 'ADMIN' ? h('span', { class: 'muted small' }, ` · ${t('role_chat_' + m.role)}`) : null),
        m.reasons?.length ? h('span', { class: 'reasons muted small' }, m.reasons.join(', ')) : null,
        memberControls(state.openId, m),
      ),
    ),
  );
  $('members-dialog').showModal();
}

async function loadMembers() {
  const view = state.view;
  try {
    const members = await get(`/api/v1/chats/${view.chatId}/members`);
    view.members = new Map(members.map((m) => [m.userId, m]));
    for (const m of members) state.names.set(m.userId, `${m.surname} ${m.name}`);
    if (state.view === view) {
      renderChatHeader();
      for (const m of view.msgs.values()) renderMessage(m);
    }
  } catch {
    /* shown without names until the next open */
  }
}

async function loadPinned() {
  const view = state.view;
  try {
    const pinned = await get(`/api/v1/chats/${view.chatId}/pinned`);
    for (const m of pinned) view.pinned.set(m.id, m);
    if (state.view === view) renderPinned();
  } catch {
    /* optional */
  }
}

async function loadOlder() {
  const view = state.view;
  if (!view || view.loading || !view.hasMore) return;
  view.loading = true;
  const box = $('messages');
  const before = box.scrollHeight - box.scrollTop;
  try {
    const q = view.oldest === null ? '' : `&before=${view.oldest}`;
    const page = await get(`/api/v1/chats/${view.chatId}/messages?limit=50${q}`);
    if (state.view !== view) return;
    view.hasMore = page.length === 50;
    for (const m of page) upsertMessage(m);
    box.scrollTop = box.scrollHeight - before;
  } catch {
    /* try again on the next scroll */
  } finally {
    view.loading = false;
  }
}

function nearBottom() {
  const box = $('messages');
  return box.scrollHeight - box.scrollTop - box.clientHeight < 80;
}

function scrollToBottom() {
  const box = $('messages');
  box.scrollTop = box.scrollHeight;
}

// ---------- messages ----------

function nameOf(userId) {
  const known = state.names.get(userId);
  if (known) return known;
  state.names.set(userId, t('unknownUser', userId));
  get(`/api/v1/users/${userId}`)
    .then((u) => {
      state.names.set(userId, `${u.surname} ${u.name}`);
      if (state.view) for (const m of state.view.msgs.values()) if (m.senderId === userId) renderMessage(m);
    })
    .catch(() => {});
  return t('unknownUser', userId);
}

/** Adds or replaces a message of the open chat; the view is keyed by message id, so repeats change nothing. */
function upsertMessage(m) {
  const view = state.view;
  if (!view || m.chatId !== view.chatId) return;
  view.msgs.set(m.id, m);
  if (view.oldest === null || m.position < view.oldest) view.oldest = m.position;
  if (m.pinned && !m.deleted) view.pinned.set(m.id, m);
  else view.pinned.delete(m.id);
  if (m.clientId) document.querySelector(`.msg.pending[data-client-id="${CSS.escape(m.clientId)}"]`)?.remove();
  renderMessage(m);
}

function renderMessage(m) {
  const box = $('messages');
  const old = box.querySelector(`.msg[data-id="${m.id}"]`);
  const el = messageElement(m);
  if (old) {
    // the same files keep their elements: a voice message goes on playing, a loaded picture is not fetched again
    const kept = old.querySelector(':scope > .attachments');
    const fresh = el.querySelector(':scope > .attachments');
    if (kept && fresh && kept.dataset.ids === fresh.dataset.ids) fresh.replaceWith(kept);
    old.replaceWith(el);
    return;
  }
  let next = null;
  for (const child of box.children) {
    if (child.classList.contains('pending') || Number(child.dataset.pos) > m.position) {
      next = child;
      break;
    }
  }
  box.insertBefore(el, next);
}

function readByOthers(m) {
  for (const member of state.view.members.values()) {
    if (member.userId !== state.me.id && member.readPosition >= m.position) return true;
  }
  return false;
}

function textWithMentions(text, mentions) {
  const names = (mentions ?? []).map((id) => '@' + (state.names.get(id) ?? '')).filter((n) => n.length > 1);
  if (!names.length) return [text];
  const parts = [];
  let rest = text;
  while (rest) {
    let best = -1;
    let name = null;
    for (const n of names) {
      const i = rest.indexOf(n);
      if (i >= 0 && (best < 0 || i < best)) {
        best = i;
        name = n;
      }
    }
    if (best < 0) {
      parts.push(rest);
      break;
    }
    if (best > 0) parts.push(rest.slice(0, best));
    parts.push(h('span', { class: 'mention' }, name));
    rest = rest.slice(best + name.length);
  }
  return parts;
}

function messageElement(m) {
  const mine = m.senderId === state.me.id;
  const view = state.view;
  const classes = ['msg'];
  if (mine) classes.push('mine');
  if (m.deleted) classes.push('deleted');
  if (!mine && m.mentions?.includes(state.me.id)) classes.push('mention-me');
  const target = m.replyTo ? view.msgs.get(m.replyTo) : null;
  const quote = m.replyTo
    ? h(
        'button',
        { type: 'button', class: 'quote', onclick: () => target && jumpTo(target) },
        target ? `${nameOf(target.senderId)}: ${target.deleted ? t('deleted') : target.text || t('attachmentPreview')}` : t('message'),
      )
    : null;
  const reactions = Object.entries(m.reactions ?? {})
    .filter(([, users]) => users.length)
    .map(([emoji, users]) =>
      h(
        'button',
        {
          type: 'button',
          'aria-pressed': String(users.includes(state.me.id)),
          'aria-label': `${t('react', emoji)}: ${users.length}`,
          onclick: () => toggleReaction(m, emoji),
        },
        `${emoji} ${users.length}`,
      ),
    );
  const status = mine && !m.deleted
    ? readByOthers(m)
      ? h('span', { class: 'status', 'aria-label': t('read'), title: t('read') }, '✓✓')
      : h('span', { class: 'status', 'aria-label': t('sent'), title: t('sent') }, '✓')
    : null;
  const el = h(
    'article',
    { class: classes.join(' '), dataset: { id: m.id, pos: m.position }, tabindex: '-1' },
    mine ? null : h('div', { class: 'sender' }, nameOf(m.senderId)),
    quote,
    h('div', { class: 'text' }, m.deleted ? t('deleted') : textWithMentions(m.text ?? '', m.mentions)),
    m.deleted ? null : attachmentsElement(m.attachments),
    reactions.length ? h('div', { class: 'reactions' }, reactions) : null,
    h(
      'div',
      { class: 'foot' },
      m.pinned && !m.deleted ? h('span', { class: 'pin-mark' }, t('pinned')) : null,
      m.editedAt && !m.deleted ? h('span', {}, t('edited')) : null,
      h('time', { datetime: m.createdAt }, formatTime(m.createdAt)),
      status,
      m.deleted
        ? null
        : h(
            'button',
            { type: 'button', class: 'more', 'aria-label': t('actions'), title: t('actions'), 'aria-expanded': 'false', onclick: (e) => toggleActions(e.currentTarget, m.id) },
            '⋯',
          ),
    ),
  );
  return el;
}

function toggleActions(button, id) {
  const article = button.closest('.msg');
  const open = article.querySelector('.msg-actions');
  if (open) {
    open.remove();
    button.setAttribute('aria-expanded', 'false');
    return;
  }
  const m = state.view.msgs.get(id);
  const mine = m.senderId === state.me.id;
  const chat = state.chats.get(state.openId);
  const admin = chat && (chat.role === 'OWNER' || chat.role === 'ADMIN');
  const bar = h(
    'div',
    { class: 'msg-actions' },
    h('button', { type: 'button', onclick: () => startReply(m) }, t('reply')),
    mine ? h('button', { type: 'button', onclick: () => startEdit(m) }, t('edit')) : null,
    mine || admin ? h('button', { type: 'button', onclick: () => deleteMessage(m) }, t('delete')) : null,
    admin || chat?.kind === 'DIRECT' ? h('button', { type: 'button', onclick: () => togglePin(m) }, m.pinned ? t('unpin') : t('pin')) : null,
    messageActions(m),
    REACTIONS.map((emoji) =>
      h('button', { type: 'button', 'aria-label': t('react', emoji), title: t('react', emoji), onclick: () => toggleReaction(m, emoji) }, emoji),
    ),
  );
  article.append(bar);
  button.setAttribute('aria-expanded', 'true');
  bar.querySelector('button').focus();
}

function renderPending() {
  const view = state.view;
  if (!view || !outbox) return;
  const box = $('messages');
  for (const el of box.querySelectorAll('.msg.pending')) el.remove();
  const sentClientIds = new Set([...view.msgs.values()].map((m) => m.clientId).filter(Boolean));
  for (const item of outbox.forChat(view.chatId)) {
    if (sentClientIds.has(item.clientId)) continue;
    box.append(pendingElement(item));
  }
}

function pendingElement(item, error) {
  return h(
    'article',
    { class: 'msg mine pending' + (error ? ' failed' : ''), dataset: { clientId: item.clientId } },
    h('div', { class: 'text' }, item.text),
    pendingFiles(item),
    h(
      'div',
      { class: 'foot' },
      error ? h('span', { role: 'alert' }, t('failed', error.message)) : null,
      h('span', { class: 'status', 'aria-label': t('pending'), title: t('pending') }, '◷'),
    ),
  );
}

function outboxSent(item, message) {
  applyMessagePreview(message);
  upsertMessage(message);
}

function outboxFailed(item, error) {
  sendRefused(item.chatId, error);
  const el = document.querySelector(`.msg.pending[data-client-id="${CSS.escape(item.clientId)}"]`);
  if (el) el.replaceWith(pendingElement(item, error));
}

function applyMessagePreview(m) {
  const chat = state.chats.get(m.chatId);
  if (!chat) return;
  if (!chat.lastMessage || chat.lastMessage.id <= m.id) {
    chat.lastMessage = { id: m.id, senderId: m.senderId, senderName: nameOf(m.senderId), text: m.deleted ? null : m.text, createdAt: m.createdAt };
    if (!chat.lastActivityAt || chat.lastActivityAt < m.createdAt) chat.lastActivityAt = m.createdAt;
  }
  renderChatList();
}

async function jumpTo(m) {
  const view = state.view;
  for (let i = 0; i < 20 && !view.msgs.has(m.id) && view.hasMore && state.view === view; i++) await loadOlder();
  const el = $('messages').querySelector(`.msg[data-id="${m.id}"]`);
  if (!el) return;
  el.scrollIntoView({ block: 'center' });
  el.classList.add('flash');
  el.focus();
  setTimeout(() => el.classList.remove('flash'), 1500);
}

function renderPinned() {
  const bar = $('pinned-bar');
  const view = state.view;
  const pinned = view ? [...view.pinned.values()].sort((a, b) => b.position - a.position)[0] : null;
  bar.hidden = !pinned;
  if (!pinned) return;
  bar.replaceChildren(
    h('button', { type: 'button', class: 'quote', onclick: () => jumpTo(pinned) }, `${t('pinned')}: ${pinned.text ?? ''}`),
  );
}

// ---------- actions ----------

function showError(e) {
  alertBox(t('error', e.message));
}

function alertBox(text) {
  const el = $('typing');
  el.textContent = text;
  setTimeout(() => renderTyping(), 4000);
}

function startReply(m) {
  state.editing = null;
  state.replyTo = m;
  renderComposeContext();
  $('compose-input').focus();
}

function startEdit(m) {
  state.replyTo = null;
  state.editing = m;
  $('compose-input').value = m.text ?? '';
  renderComposeContext();
  $('compose-input').focus();
}

function cancelContext() {
  if (state.editing) $('compose-input').value = '';
  state.replyTo = null;
  state.editing = null;
  renderComposeContext();
}

function renderComposeContext() {
  const box = $('compose-context');
  const text = state.editing
    ? t('editing')
    : state.replyTo
      ? t('replyTo', `${nameOf(state.replyTo.senderId)}: ${state.replyTo.text || t('attachmentPreview')}`)
      : '';
  box.hidden = !text;
  $('compose-context-text').textContent = text;
  $('send').textContent = state.editing ? t('save') : t('send');
}

async function deleteMessage(m) {
  if (!confirm(t('confirmDelete'))) return;
  try {
    upsertMessage(await api('DELETE', `/api/v1/chats/${m.chatId}/messages/${m.id}`));
  } catch (e) {
    showError(e);
  }
}

async function togglePin(m) {
  try {
    upsertMessage(await api(m.pinned ? 'DELETE' : 'PUT', `/api/v1/chats/${m.chatId}/messages/${m.id}/pin`));
    renderPinned();
  } catch (e) {
    showError(e);
  }
}

async function toggleReaction(m, emoji) {
  const current = state.view?.msgs.get(m.id) ?? m;
  const mine = (current.reactions?.[emoji] ?? []).includes(state.me.id);
  try {
    const updated = mine
      ? await api('DELETE', `/api/v1/chats/${m.chatId}/messages/${m.id}/reactions?emoji=${encodeURIComponent(emoji)}`)
      : await post(`/api/v1/chats/${m.chatId}/messages/${m.id}/reactions`, { emoji });
    upsertMessage(updated);
  } catch (e) {
    showError(e);
  }
}

async function onSubmit(e) {
  e.preventDefault();
  const input = $('compose-input');
  const text = input.value.trim();
  const files = state.editing ? [] : trayFiles();
  const emptyAllowed = files.length > 0 || state.editing?.attachments?.length > 0;
  if ((!text && !emptyAllowed) || !state.view) return;
  const chatId = state.view.chatId;
  const mentions = [...state.pendingMentions.entries()].filter(([, name]) => text.includes('@' + name)).map(([id]) => id);
  if (state.editing) {
    const m = state.editing;
    try {
      upsertMessage(await api('PATCH', `/api/v1/chats/${chatId}/messages/${m.id}`, { text, mentions }));
      input.value = '';
      cancelContext();
    } catch (err) {
      showError(err);
    }
    return;
  }
  const replyTo = state.replyTo?.id;
  state.lastTypingSent = 0;
  input.value = '';
  state.pendingMentions.clear();
  state.replyTo = null;
  clearTray();
  renderComposeContext();
  input.focus();
  await queueMessage(chatId, text, replyTo, mentions, files);
}

/** Puts a message in the outbox (its files first into the upload store) and shows it as pending. */
async function queueMessage(chatId, text, replyTo, mentions, files) {
  const clientId = newClientId();
  let uploads = null;
  if (files.length) {
    try {
      const { stash } = await import('./uploads.js');
      uploads = await stash(clientId, files);
    } catch (err) {
      showError(err);
      return;
    }
  }
  if (!outbox) return;
  const item = outbox.add(chatId, text, replyTo, mentions, uploads, clientId);
  if (state.view?.chatId === chatId && !document.querySelector(`.msg[data-client-id="${CSS.escape(item.clientId)}"]`)) {
    $('messages').append(pendingElement(item));
    scrollToBottom();
  }
}

// ---------- voice messages: the recorder is loaded on first use ----------

async function startVoice() {
  if (!state.view) return;
  const chatId = state.view.chatId;
  try {
    const voice = await import('./voice.js');
    await voice.startRecording({
      onDone: (recording) => queueMessage(chatId, '', null, [], [recording]),
      onError: showError,
    });
  } catch (err) {
    showError(err.name === 'NotAllowedError' ? new Error(t('microphoneDenied')) : err);
  }
}

async function stopVoice(send) {
  const voice = await import('./voice.js');
  voice.finish(send);
}

// ---------- mentions ----------

function mentionQuery() {
  const input = $('compose-input');
  const before = input.value.slice(0, input.selectionStart);
  const match = /(^|\s)@([^\s@]*)$/.exec(before);
  return match ? { query: match[2].toLowerCase(), start: before.length - match[2].length - 1 } : null;
}

function updateMentions() {
  const list = $('mention-list');
  const q = mentionQuery();
  const view = state.view;
  if (!q || !view) {
    closeMentions();
    return;
  }
  const found = [...view.members.values()]
    .filter((m) => m.userId !== state.me.id)
    .filter((m) => `${m.surname} ${m.name}`.toLowerCase().includes(q.query) || m.name.toLowerCase().startsWith(q.query))
    .slice(0, 8);
  if (!found.length) {
    closeMentions();
    return;
  }
  state.mention = { ...q, found, index: 0 };
  list.replaceChildren(
    ...found.map((m, i) =>
      h(
        'li',
        {
          role: 'option',
          id: 'mention-' + m.userId,
          'aria-selected': String(i === 0),
          onmousedown: (e) => {
            e.preventDefault();
            chooseMention(i);
          },
        },
        `${m.surname} ${m.name}`,
      ),
    ),
  );
  list.hidden = false;
  $('compose-input').setAttribute('aria-expanded', 'true');
  $('compose-input').setAttribute('aria-activedescendant', 'mention-' + found[0].userId);
}

function moveMention(delta) {
  const s = state.mention;
  s.index = (s.index + delta + s.found.length) % s.found.length;
  [...$('mention-list').children].forEach((li, i) => li.setAttribute('aria-selected', String(i === s.index)));
  $('compose-input').setAttribute('aria-activedescendant', 'mention-' + s.found[s.index].userId);
}

function chooseMention(i) {
  const s = state.mention;
  const m = s.found[i];
  const input = $('compose-input');
  const name = `${m.surname} ${m.name}`;
  const after = input.value.slice(input.selectionStart);
  input.value = input.value.slice(0, s.start) + '@' + name + ' ' + after;
  const caret = s.start + name.length + 2;
  input.setSelectionRange(caret, caret);
  state.pendingMentions.set(m.userId, name);
  closeMentions();
  input.focus();
}

function closeMentions() {
  state.mention = null;
  $('mention-list').hidden = true;
  $('compose-input').setAttribute('aria-expanded', 'false');
  $('compose-input').removeAttribute('aria-activedescendant');
}

function onComposerKey(e) {
  if (state.mention) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      moveMention(e.key === 'ArrowDown' ? 1 : -1);
      return;
    }
    if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      chooseMention(state.mention.index);
      return;
    }
    if (e.key === 'Escape') {
      e.preventDefault();
      closeMentions();
      return;
    }
  }
  if (e.key === 'Escape' && (state.replyTo || state.editing)) {
    cancelContext();
    return;
  }
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    $('composer').requestSubmit();
  }
}

function onComposerInput() {
  updateMentions();
  const now = Date.now();
  if (state.view && now - state.lastTypingSent > 3000 && $('compose-input').value) {
    state.lastTypingSent = now;
    if (!stream.send({ type: 'typing', chatId: state.view.chatId })) {
      post(`/api/v1/chats/${state.view.chatId}/typing`).catch(() => {});
    }
  }
}

// ---------- read receipts, typing ----------

let readTimer = null;
function maybeMarkRead() {
  clearTimeout(readTimer);
  readTimer = setTimeout(markRead, 150);
}

async function markRead() {
  const view = state.view;
  if (!view || document.visibilityState !== 'visible' || !nearBottom()) return;
  const chat = state.chats.get(view.chatId);
  let max = 0;
  for (const m of view.msgs.values()) if (m.position > max) max = m.position;
  if (!chat || max <= chat.readPosition) {
    if (chat && chat.unread) {
      chat.unread = 0;
      renderChatList();
    }
    return;
  }
  chat.readPosition = max;
  chat.unread = 0;
  renderChatList();
  try {
    await post(`/api/v1/chats/${view.chatId}/read`, { position: max });
  } catch {
    chat.readPosition = 0;
  }
}

function renderTyping() {
  const el = $('typing');
  const now = Date.now();
  const names = [...state.typers.entries()].filter(([, until]) => until > now).map(([id]) => nameOf(id));
  el.textContent = names.length === 0 ? '' : names.length === 1 ? t('typing', names[0]) : t('typingMany');
}

// ---------- real-time events ----------

function onFrame(f) {
  if (f.type === 'typing') {
    if (f.chatId === state.openId && f.data?.userId !== state.me.id) {
      state.typers.set(f.data.userId, Date.now() + 5000);
      renderTyping();
      setTimeout(renderTyping, 5100);
    }
    return;
  }
  if (f.type === 'event') applyEvent(f);
}

/** Applies one stream event; each chat's cursor is the highest position applied, so a repeat is ignored. */
function applyEvent(f) {
  const cursor = state.cursors.get(f.chatId) ?? 0;
  if (f.position <= cursor) return;
  state.cursors.set(f.chatId, f.position);
  const chat = state.chats.get(f.chatId);
  if (!chat) {
    reloadChatsSoon();
    return;
  }
  chat.lastPosition = Math.max(chat.lastPosition, f.position);
  const open = state.view && state.view.chatId === f.chatId;
  const m = f.data?.message;
  switch (f.event) {
    case 'message.new':
      if (m.senderId !== state.me.id) {
        chat.unread += 1;
        state.typers.delete(m.senderId);
        if (open) renderTyping();
        if (!m.quiet) signalNew(f.chatId); // quiet hours: shown, never alerted
      }
      if (open) {
        const follow = nearBottom() || m.senderId === state.me.id;
        upsertMessage(m);
        if (follow) scrollToBottom();
        maybeMarkRead();
      }
      applyMessagePreview(m);
      break;
    case 'message.edited':
    case 'message.deleted':
    case 'message.pinned':
    case 'message.unpinned':
    case 'reaction.added':
    case 'reaction.removed':
      if (open && m) {
        upsertMessage(m);
        renderPinned();
      }
      if (m && chat.lastMessage?.id === m.id) {
        chat.lastMessage.text = m.deleted ? null : m.text;
        if (f.event === 'message.deleted' && m.senderId !== state.me.id && m.position > chat.readPosition) {
          chat.unread = Math.max(0, chat.unread - 1);
        }
      }
      break;
    case 'read':
      if (f.data.userId === state.me.id) {
        chat.readPosition = Math.max(chat.readPosition, f.data.position);
        if (!open) refreshChatSoon(f.chatId);
      } else if (open) {
        const member = state.view.members.get(f.data.userId);
        if (member) {
          member.readPosition = Math.max(member.readPosition, f.data.position);
          for (const msg of state.view.msgs.values()) if (msg.senderId === state.me.id) renderMessage(msg);
        }
      }
      break;
    case 'member.removed':
      if (f.data.userId === state.me.id) {
        state.chats.delete(f.chatId);
        if (open) closeChat();
      } else if (open) loadMembers();
      break;
    case 'member.added':
    case 'member.role':
      if (open) loadMembers();
      if (f.data.userId === state.me.id) reloadChatsSoon();
      break;
    case 'chat.lesson-mode':
    case 'member.muted':
    case 'member.unmuted':
      applyModerationEvent(f);
      break;
    case 'chat.renamed':
      chat.title = f.data.title;
      if (open) renderChatHeader();
      break;
    default:
      break;
  }
  renderChatList();
}

function signalNew(chatId) {
  if (state.sound && (document.visibilityState !== 'visible' || state.openId !== chatId)) beep();
}

// ---------- dialogs, search ----------

function parseIds(text) {
  return text
    .split(/[\s,;]+/)
    .map((s) => Number(s))
    .filter((n) => Number.isInteger(n) && n > 0);
}

async function createGroup(e) {
  e.preventDefault();
  try {
    const chat = await post('/api/v1/chats', { kind: 'GROUP', title: $('group-title').value.trim(), members: parseIds($('group-members').value) });
    $('group-dialog').close();
    state.chats.set(chat.id, chat);
    openChat(chat.id);
  } catch (err) {
    $('group-error').textContent = err.message;
  }
}

async function createDirect(e) {
  e.preventDefault();
  try {
    const chat = await post('/api/v1/chats/direct', { userId: parseIds($('direct-user').value)[0] ?? 0 });
    $('direct-dialog').close();
    state.chats.set(chat.id, chat);
    openChat(chat.id);
  } catch (err) {
    $('direct-error').textContent = err.message;
  }
}

async function searchMessages(e) {
  e.preventDefault();
  const q = $('search-input').value.trim();
  const list = $('search-results');
  if (!q || !state.view) return;
  try {
    const found = await get(`/api/v1/search?q=${encodeURIComponent(q)}&chatId=${state.view.chatId}`);
    list.replaceChildren(
      ...(found.length
        ? found.map((m) =>
            h('li', {}, h('button', { type: 'button', onclick: () => jumpTo(m) }, `${nameOf(m.senderId)} · ${formatTime(m.createdAt)}: ${m.text}`)),
          )
        : [h('li', { class: 'muted' }, t('noResults'))]),
    );
    list.hidden = false;
  } catch (err) {
    list.replaceChildren(h('li', { class: 'error', role: 'alert' }, err.message));
    list.hidden = false;
  }
}

function bindStatic() {
  $('login-form').addEventListener('submit', onLogin);
  $('logout').addEventListener('click', logout);
  $('chat-filter').addEventListener('input', renderChatList);
  $('back').addEventListener('click', closeChat);
  $('composer').addEventListener('submit', onSubmit);
  initAttachments(() => {});
  $('record').addEventListener('click', startVoice);
  $('rec-cancel').addEventListener('click', () => stopVoice(false));
  $('rec-send').addEventListener('click', () => stopVoice(true));
  $('messages').addEventListener('dragover', (e) => e.preventDefault());
  $('messages').addEventListener('drop', (e) => {
    e.preventDefault();
    if (state.view && !$('composer').hidden && e.dataTransfer?.files?.length) addFiles([...e.dataTransfer.files]);
  });
  $('compose-input').addEventListener('keydown', onComposerKey);
  $('compose-input').addEventListener('input', onComposerInput);
  $('compose-input').addEventListener('blur', () => setTimeout(closeMentions, 150));
  $('compose-cancel').addEventListener('click', cancelContext);
  $('messages').addEventListener('scroll', () => {
    if ($('messages').scrollTop < 150) loadOlder();
    if (nearBottom()) maybeMarkRead();
  });
  document.addEventListener('visibilitychange', maybeMarkRead);
  $('messages').addEventListener('keydown', (e) => {
    const bar = e.target.closest('.msg')?.querySelector('.msg-actions');
    if (e.key === 'Escape' && bar) {
      const more = bar.closest('.msg').querySelector('button.more');
      bar.remove();
      more.setAttribute('aria-expanded', 'false');
      more.focus();
    }
  });
  $('sound-toggle').addEventListener('click', () => {
    state.sound = !state.sound;
    localStorage.setItem('parta.sound', state.sound ? 'on' : 'off');
    renderSound();
    if (state.sound) beep();
  });
  $('search-toggle').addEventListener('click', () => {
    const form = $('search-form');
    form.hidden = !form.hidden;
    $('search-toggle').setAttribute('aria-expanded', String(!form.hidden));
    if (form.hidden) $('search-results').hidden = true;
    else $('search-input').focus();
  });
  $('search-form').addEventListener('submit', searchMessages);
  $('new-group').addEventListener('click', () => {
    $('group-error').textContent = '';
    $('group-dialog').showModal();
  });
  $('new-direct').addEventListener('click', () => {
    $('direct-error').textContent = '';
    $('direct-dialog').showModal();
  });
  $('group-form').addEventListener('submit', createGroup);
  $('chat-sub').addEventListener('click', showMembers);
  $('have-code').addEventListener('click', () => openActivation(''));
  $('enter-code').addEventListener('click', () => openActivation(''));
  $('open-admin').addEventListener('click', openAdmin);
  $('direct-form').addEventListener('submit', createDirect);
  for (const b of document.querySelectorAll('.dialog-cancel')) b.addEventListener('click', () => b.closest('dialog').close());
}

boot();
