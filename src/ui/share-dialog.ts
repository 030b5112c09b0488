// The Share dialog: the link to the current state, and an embed snippet with options.
import { embedSnippet, embedUrl, type EmbedOptions } from '../model/share.ts';
import { t, type Lang } from '../core/i18n/i18n.ts';
import { isThemeId, THEME_IDS } from '../core/theme.ts';
import { el } from './dom.ts';

export function openShareDialog(lang: Lang, currentUrl: string): HTMLDialogElement {
  document.getElementById('share-dialog')?.remove();
  const linkTheme = new URL(currentUrl).searchParams.get('theme');
  const options: EmbedOptions = {
    chromeless: true,
    lang,
    title: '',
    legend: true,
    theme: isThemeId(linkTheme) ? linkTheme : null,
  };
  const link = el('input', { attrs: { id: 'share-link', readonly: '', 'aria-label': t(lang, 'share.link') } });
  link.value = currentUrl;
  const snippet = el('textarea', {
    attrs: { id: 'share-snippet', readonly: '', rows: '4', dir: 'ltr', 'aria-label': t(lang, 'share.snippet') },
  });
  const preview = el('a', {
    text: t(lang, 'share.preview'),
    attrs: { id: 'share-preview', target: '_blank', rel: 'noopener' },
  });
  const refresh = () => {
    snippet.value = embedSnippet(currentUrl, options, t(lang, 'app.title'));
    preview.href = embedUrl(currentUrl, options);
  };

  const checkbox = (id: string, label: string, checked: boolean, onChange: (on: boolean) => void) => {
    const input = el('input', { attrs: { type: 'checkbox', id } });
    input.checked = checked;
    input.addEventListener('change', () => {
      onChange(input.checked);
      refresh();
    });
    return el('label', { className: 'toggle', attrs: { for: id } }, input, el('span', { text: label }));
  };
  const langSelect = el(
    'select',
    { attrs: { id: 'share-lang' } },
    el('option', { text: 'فارسی', attrs: { value: 'fa' } }),
    el('option', { text: 'English', attrs: { value: 'en' } }),
  );
  langSelect.value = lang;
  langSelect.addEventListener('change', () => {
    options.lang = langSelect.value === 'en' ? 'en' : 'fa';
    refresh();
  });
  const themeSelect = el(
    'select',
    { attrs: { id: 'share-theme' } },
    el('option', { text: t(lang, 'theme.auto'), attrs: { value: '' } }),
    ...THEME_IDS.map((id) => el('option', { text: t(lang, `theme.${id}`), attrs: { value: id } })),
  );
  themeSelect.value = options.theme ?? '';
  themeSelect.addEventListener('change', () => {
    options.theme = isThemeId(themeSelect.value) ? themeSelect.value : null;
    refresh();
  });
  const title = el('input', { attrs: { id: 'share-title', maxlength: '120' } });
  title.addEventListener('input', () => {
    options.title = title.value;
    refresh();
  });
  const copy = (field: HTMLInputElement | HTMLTextAreaElement, label: string) => {
    const button = el('button', { text: label, attrs: { type: 'button' } });
    button.addEventListener('click', async () => {
      field.select();
      try {
        await navigator.clipboard.writeText(field.value);
        button.textContent = t(lang, 'share.copied');
      } catch {
        document.execCommand?.('copy');
      }
    });
    return button;
  };
  const close = el('button', {
    className: 'panel-close',
    text: '×',
    attrs: { type: 'button', 'aria-label': t(lang, 'panel.close') },
  });
  const dialog = el(
    'dialog',
    { className: 'share-dialog', attrs: { id: 'share-dialog', 'aria-labelledby': 'share-heading' } },
    el(
      'header',
      { className: 'panel-header' },
      el('h2', { className: 'panel-title', text: t(lang, 'share.title'), attrs: { id: 'share-heading' } }),
      close,
    ),
    el('label', { className: 'field', attrs: { for: 'share-link' } }, el('span', { text: t(lang, 'share.link') })),
    el('div', { className: 'copy-row' }, link, copy(link, t(lang, 'share.copy'))),
    el('h3', { text: t(lang, 'share.embed') }),
    checkbox('share-chromeless', t(lang, 'share.chromeless'), true, (on) => (options.chromeless = on)),
    checkbox('share-legend', t(lang, 'share.legend'), true, (on) => (options.legend = on)),
    el(
      'label',
      { className: 'field', attrs: { for: 'share-lang' } },
      el('span', { text: t(lang, 'share.language') }),
      langSelect,
    ),
    el(
      'label',
      { className: 'field', attrs: { for: 'share-theme' } },
      el('span', { text: t(lang, 'share.theme') }),
      themeSelect,
    ),
    el(
      'label',
      { className: 'field', attrs: { for: 'share-title' } },
      el('span', { text: t(lang, 'share.embedTitle') }),
      title,
    ),
    el(
      'label',
      { className: 'field', attrs: { for: 'share-snippet' } },
      el('span', { text: t(lang, 'share.snippet') }),
    ),
    snippet,
    el('div', { className: 'copy-row' }, copy(snippet, t(lang, 'share.copy')), preview),
  );
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  refresh();
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}
