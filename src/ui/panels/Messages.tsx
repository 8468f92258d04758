import { t } from '../i18n';
import { computeError, dismiss, messages } from '../state/store';

/** Problems with files (every issue, with its JSON path or GTFS row) and failed computations. */
export function Messages() {
  const list = messages.value;
  if (list.length === 0 && !computeError.value) return null;
  return (
    <div class="messages" role="alert" data-testid="messages">
      {computeError.value && (
        <div class="message error">
          <strong>{t('error.compute')}</strong>
          <pre>{computeError.value}</pre>
          <button type="button" onClick={() => (computeError.value = null)}>
            {t('files.dismiss')}
          </button>
        </div>
      )}
      {list.map((m) => (
        <div key={m.id} class={`message ${m.level}`} data-testid={`message-${m.level}`}>
          <strong>{m.title}</strong>
          {m.issues && (
            <ul class="issues">
              {m.issues.map((i) => (
                <li key={`${i.path}:${i.message}`}>
                  <code>{i.path}</code> {i.message}
                </li>
              ))}
            </ul>
          )}
          {m.detail && <pre>{m.detail}</pre>}
          <button type="button" onClick={() => dismiss(m.id)}>
            {t('files.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
