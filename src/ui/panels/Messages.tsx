import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { t } from '../i18n';
import { computeError, dismiss, type Message, messages } from '../state/store';

/** Messages shown at once; older ones fold into one line, so they never pile up over the map. */
const SHOWN = 3;
/** An info message ("Loaded …") goes by itself after this long; problems stay until dismissed. */
const INFO_MS = 8000;
/** A detail longer than this many lines (a GTFS report) is folded under "Details". */
const DETAIL_LINES = 3;

const timed = new Set<number>();

/** Problems with files (every issue, with its JSON path or GTFS row) and failed computations. */
export function Messages() {
  const list = messages.value;
  const showAll = useSignal(false);
  useEffect(() => {
    for (const m of list) {
      if (m.level !== 'info' || timed.has(m.id)) continue;
      timed.add(m.id);
      setTimeout(() => {
        timed.delete(m.id);
        dismiss(m.id);
      }, INFO_MS);
    }
  }, [list]);
  if (list.length === 0 && !computeError.value) return null;
  const hidden = showAll.value ? 0 : Math.max(0, list.length - SHOWN);
  return (
    <div class="messages" role="alert" data-testid="messages">
      {list.length > 1 && (
        <div class="messages-bar">
          {hidden > 0 && (
            <>
              <span data-testid="messages-earlier">{t('files.earlier', { n: hidden })}</span>
              <button type="button" onClick={() => (showAll.value = true)}>
                {t('files.showAll')}
              </button>
            </>
          )}
          <button
            type="button"
            data-testid="messages-dismiss-all"
            onClick={() => {
              messages.value = [];
              showAll.value = false;
            }}
          >
            {t('files.dismissAll')}
          </button>
        </div>
      )}
      {computeError.value && (
        <div class="message error" data-testid="compute-error">
          <strong>{t('error.compute')}</strong>
          <pre>{computeError.value}</pre>
          <button type="button" onClick={() => (computeError.value = null)}>
            {t('files.dismiss')}
          </button>
        </div>
      )}
      {list.slice(hidden).map((m) => (
        <MessageView key={m.id} m={m} />
      ))}
    </div>
  );
}

function MessageView({ m }: { m: Message }) {
  const long = m.detail !== undefined && m.detail.split('\n').length > DETAIL_LINES;
  return (
    <div class={`message ${m.level}`} data-testid={`message-${m.level}`}>
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
      {m.detail !== undefined &&
        (long ? (
          <details>
            <summary>{t('files.details')}</summary>
            <pre>{m.detail}</pre>
          </details>
        ) : (
          <pre>{m.detail}</pre>
        ))}
      <button type="button" onClick={() => dismiss(m.id)}>
        {t('files.dismiss')}
      </button>
    </div>
  );
}
