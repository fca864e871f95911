import ru from './i18n-ru.js';
import en from './i18n-en.js';

const bundles = { ru, en };
const KEY = 'parta.lang';
let lang = localStorage.getItem(KEY) === 'en' ? 'en' : 'ru';

export function getLang() {
  return lang;
}

export function setLang(next) {
  lang = next === 'en' ? 'en' : 'ru';
  localStorage.setItem(KEY, lang);
  document.documentElement.lang = lang;
  translatePage();
}

/** The string for key in the current language, with {0}, {1}… replaced by args. */
export function t(key, ...args) {
  const s = bundles[lang][key] ?? bundles.ru[key] ?? key;
  return s.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}

/** Fills every element marked data-i18n (text), data-i18n-ph (placeholder) or data-i18n-label (aria-label, title). */
export function translatePage(root = document) {
  document.documentElement.lang = lang;
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-ph]')) el.placeholder = t(el.dataset.i18nPh);
  for (const el of root.querySelectorAll('[data-i18n-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel));
    if (el.tagName === 'BUTTON') el.title = t(el.dataset.i18nLabel);
  }
}
