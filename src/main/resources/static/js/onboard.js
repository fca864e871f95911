// Activation by personal code and joining a class by link; loaded only when one of them is opened.
import { t } from './i18n.js';
import { get, post } from './api.js';
import { $, h } from './dom.js';

export const roleNames = (roles) =>
  String(roles ?? '')
    .split(/,\s*/)
    .filter(Boolean)
    .map((r) => t('role_' + r))
    .join(', ');

const errorText = (err) => (err.status === 0 ? t('networkError') : err.message);

function field(id, label, attrs = {}) {
  return [h('label', { for: id }, label), h('input', { id, ...attrs })];
}

function show(form, title) {
  document.title = `${title} — ${t('appName')}`;
  $('flow-view').replaceChildren(form);
  $('flow-view').hidden = false;
}

function backButton(ctx) {
  return h('button', { type: 'button', class: 'link', onclick: () => ctx.toChats() }, ctx.me() ? t('backToChats') : t('backToLogin'));
}

/** Step 1: the code, checked with the server; a code from the link is checked at once. */
export function showActivation(ctx, initial = '') {
  const error = h('p', { id: 'act-error', class: 'error', role: 'alert' });
  const button = h('button', { id: 'act-check', type: 'submit', class: 'primary' }, t('checkCode'));
  const [codeLabel, code] = field('act-code', t('inviteCode'), {
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    placeholder: 'XXXXX-XXXXX',
    value: initial,
    required: true,
  });
  async function check() {
    const typed = code.value.trim();
    if (!typed) {
      code.focus();
      return;
    }
    error.textContent = '';
    button.disabled = true;
    try {
      const info = await post('/api/v1/activation/check', { code: typed });
      showDetails(ctx, typed, info);
    } catch (err) {
      error.textContent = errorText(err);
      button.disabled = false;
      code.focus();
    }
  }
  const form = h(
    'form',
    { id: 'activation-form', class: 'card', novalidate: true, onsubmit: (e) => (e.preventDefault(), check()) },
    h('h1', {}, t('activateTitle')),
    h('p', { class: 'muted small' }, t('activateIntro')),
    codeLabel,
    code,
    error,
    button,
    backButton(ctx),
  );
  show(form, t('activateTitle'));
  if (initial) check();
  else code.focus();
}

/** Step 2: whose code it is, the guardian's consent when needed, login and password. */
function showDetails(ctx, code, info) {
  const me = ctx.me();
  const guardian = info.guardianRequired;
  const error = h('p', { id: 'act-error', class: 'error', role: 'alert' });
  const head = [
    h('h1', {}, t('activateTitle')),
    h('p', { id: 'act-who', class: 'who' }, t('codeFor', info.name)),
    h('p', { class: 'muted small' }, [roleNames(info.roles), info.school].filter(Boolean).join(' · ')),
  ];
  const other = h('button', { type: 'button', class: 'link', onclick: () => showActivation(ctx, '') }, t('otherCode'));
  if (guardian && !me) {
    const form = h(
      'div',
      { id: 'activation-form', class: 'card' },
      ...head,
      h('p', { id: 'act-guardian', class: 'notice' }, t('guardianExplains')),
      h('button', { id: 'act-sign-in', type: 'button', class: 'primary', onclick: () => ctx.signIn(() => showActivation(ctx, code)) }, t('signInAsGuardian')),
      other,
      backButton(ctx),
    );
    show(form, t('activateTitle'));
    return;
  }
  const consent = guardian ? h('input', { id: 'act-consent', type: 'checkbox', onchange: () => (error.textContent = '') }) : null;
  const [loginLabel, login] = field('act-login', t('newLogin'), { autocomplete: 'username', placeholder: t('loginSuggested'), spellcheck: 'false', autocapitalize: 'none' });
  const [pwLabel, pw] = field('act-password', t('newPassword'), { type: 'password', autocomplete: 'new-password', required: true });
  const [pw2Label, pw2] = field('act-password2', t('repeatPassword'), { type: 'password', autocomplete: 'new-password', required: true });
  const [phoneLabel, phone] = field('act-phone', t('phoneOptional'), { type: 'tel', autocomplete: 'tel' });
  const [emailLabel, email] = field('act-email', t('emailOptional'), { type: 'email', autocomplete: 'email' });
  const submit = h('button', { id: 'act-submit', type: 'submit', class: 'primary' }, guardian ? t('activateChild') : t('activate'));

  async function activate(e) {
    e.preventDefault();
    error.textContent = '';
    if (!pw.value) {
      error.textContent = t('passwordNeeded');
      pw.focus();
      return;
    }
    if (pw.value !== pw2.value) {
      error.textContent = t('passwordsDiffer');
      pw2.focus();
      return;
    }
    const body = { code, password: pw.value, login: login.value.trim() || undefined };
    if (guardian) body.consent = consent.checked;
    else {
      body.phone = phone.value.trim() || undefined;
      body.email = email.value.trim() || undefined;
    }
    submit.disabled = true;
    try {
      const profile = await post('/api/v1/activation', body);
      if (!me) {
        const res = await post('/api/v1/auth/login', { login: profile.login, password: pw.value });
        ctx.signedIn(res.user);
      } else {
        showDone(ctx, profile, guardian);
      }
    } catch (err) {
      error.textContent = errorText(err);
      submit.disabled = false;
    }
  }

  async function linkToMine() {
    error.textContent = '';
    try {
      await post('/api/v1/activation/link', { code });
      showDone(ctx, null, false);
    } catch (err) {
      error.textContent = errorText(err);
    }
  }

  const form = h(
    'form',
    { id: 'activation-form', class: 'card', novalidate: true, onsubmit: activate },
    ...head,
    guardian ? h('p', { id: 'act-guardian', class: 'notice' }, t('guardianSignedIn', `${me.surname} ${me.name}`)) : null,
    guardian ? h('label', { class: 'check' }, consent, h('span', {}, t('consentText', info.consentVersion))) : null,
    loginLabel,
    login,
    h('p', { class: 'muted small hint' }, t('loginHint')),
    pwLabel,
    pw,
    pw2Label,
    pw2,
    guardian ? null : [phoneLabel, phone, emailLabel, email],
    error,
    submit,
    me && !guardian ? h('button', { id: 'act-link', type: 'button', onclick: linkToMine }, t('linkToMine')) : null,
    other,
    backButton(ctx),
  );
  show(form, t('activateTitle'));
  (guardian ? consent : login).focus();
}

function showDone(ctx, profile, forChild) {
  const card = h(
    'div',
    { id: 'activation-done', class: 'card' },
    h('h1', {}, t('activatedTitle')),
    profile
      ? [
          h('p', {}, t('accountCreated', `${profile.surname} ${profile.name}`)),
          h('p', {}, t('loginIs'), ' ', h('strong', { id: 'act-done-login' }, profile.login)),
          forChild ? h('p', { class: 'muted small' }, t('childSignsIn')) : null,
        ]
      : h('p', {}, t('linkedToMine')),
    h('button', { id: 'act-to-chats', type: 'button', class: 'primary', onclick: () => ctx.toChats() }, t('toChats')),
    h('button', { type: 'button', class: 'link', onclick: () => showActivation(ctx, '') }, t('activateAnother')),
  );
  show(card, t('activatedTitle'));
}

/** A class link: what it joins, signing in first when needed, then the request and its state. */
export async function showJoin(ctx, token) {
  let info;
  try {
    info = await get(`/api/v1/join/${encodeURIComponent(token)}`);
  } catch (err) {
    show(h('div', { id: 'join-card', class: 'card' }, h('h1', {}, t('joinTitle')), h('p', { id: 'join-error', class: 'error', role: 'alert' }, errorText(err)), backButton(ctx)), t('joinTitle'));
    return;
  }
  const me = ctx.me();
  const error = h('p', { id: 'join-error', class: 'error', role: 'alert' });
  const head = [
    h('h1', {}, t('joinTitle')),
    h('p', { id: 'join-class', class: 'who' }, t('joinClass', info.className)),
    h('p', { class: 'muted small' }, info.school),
    h('p', {}, t('joinRole', t('role_' + info.role))),
    info.requiresApproval ? h('p', { class: 'muted small' }, t('joinNeedsApproval')) : null,
  ];
  if (!me) {
    show(
      h(
        'div',
        { id: 'join-card', class: 'card' },
        ...head,
        h('p', { class: 'notice' }, t('joinSignInFirst')),
        h('button', { id: 'join-sign-in', type: 'button', class: 'primary', onclick: () => ctx.signIn(() => showJoin(ctx, token)) }, t('signIn')),
      ),
      t('joinTitle'),
    );
    return;
  }
  const [childLabel, child] = field('join-child', t('childName'), { autocomplete: 'off' });
  const send = h('button', { id: 'join-send', type: 'submit', class: 'primary' }, t('joinSend'));
  const form = h(
    'form',
    {
      id: 'join-card',
      class: 'card',
      novalidate: true,
      onsubmit: async (e) => {
        e.preventDefault();
        error.textContent = '';
        send.disabled = true;
        try {
          const r = await post(`/api/v1/join/${encodeURIComponent(token)}`, { childName: child.value.trim() || undefined });
          showJoined(ctx, head, r);
        } catch (err) {
          error.textContent = errorText(err);
          send.disabled = false;
        }
      },
    },
    ...head,
    info.role === 'GUARDIAN' ? [childLabel, child] : null,
    error,
    send,
    backButton(ctx),
  );
  show(form, t('joinTitle'));
}

function showJoined(ctx, head, r) {
  const approved = r.status === 'APPROVED';
  show(
    h(
      'div',
      { id: 'join-card', class: 'card' },
      ...head,
      h('p', { id: 'join-status', class: approved ? 'ok' : 'notice', dataset: { status: r.status } }, t(approved ? 'joinApproved' : 'joinPending')),
      h('button', { id: 'join-to-chats', type: 'button', class: 'primary', onclick: () => ctx.toChats() }, t('toChats')),
    ),
    t('joinTitle'),
  );
}
