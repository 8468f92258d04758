import { useSignal } from '@preact/signals';
import { openFiles } from '../data/files';
import { t } from '../i18n';
import { restoreBasemap } from '../map/basemap';
import { basemapUrl, lang } from '../state/store';
import { KeepBuses } from './KeepBuses';

export function restoreSettings(): void {
  restoreBasemap();
}

/** Language, file opening and the optional basemap. */
export function Settings() {
  const draft = useSignal(basemapUrl.value);
  return (
    <div class="settings">
      <label class="file-button">
        {t('files.open')}
        <input
          type="file"
          multiple
          accept=".json,.geojson,.zip,.txt"
          data-testid="file-input"
          onChange={(e) => {
            const input = e.target as HTMLInputElement;
            void openFiles([...(input.files ?? [])]).finally(() => (input.value = ''));
          }}
        />
      </label>
      <KeepBuses testId="gtfs-keep-buses" />
      <label class="field inline">
        <span>{t('language.label')}</span>
        <select
          data-testid="lang-select"
          value={lang.value}
          onChange={(e) => (lang.value = (e.target as HTMLSelectElement).value as 'en' | 'zh')}
        >
          <option value="en">English</option>
          <option value="zh">简体中文</option>
        </select>
      </label>
      <details class="basemap">
        <summary>{t('settings.basemap')}</summary>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            // Saved for the next visit once its style has loaded (map/basemap.ts), never before.
            basemapUrl.value = draft.value.trim();
          }}
        >
          <input
            type="url"
            data-testid="basemap-url"
            value={draft.value}
            placeholder="https://…/style.json"
            onInput={(e) => (draft.value = (e.target as HTMLInputElement).value)}
          />
          <button type="submit" data-testid="basemap-apply">
            {t('settings.apply')}
          </button>
          <p class="note">{t('settings.basemapHint')}</p>
        </form>
      </details>
    </div>
  );
}
