import type { RemoveLine } from '../../domain/scenario';
import { t } from '../i18n';
import { type EditorProps, updater, useMapTool } from './editorProps';
import { Hint, LineSelect } from './fields';
import { HIGHLIGHT_WIDTH, linePath } from './overlay';
import { withLine } from './removeLine';

/** A line taken out of service. Removals apply first, so the lines offered are the network's own. */
export function RemoveLineEditor({ mod, modKey, base, issues }: EditorProps<RemoveLine>) {
  const update = updater<RemoveLine>(modKey);
  const line = base.lines.find((l) => l.id === mod.line);
  useMapTool({
    lines: [{ coords: linePath(base, line), color: '#c0392b', width: HIGHLIGHT_WIDTH }],
    points: [],
    onClick: ({ line: clicked }) =>
      clicked && base.lines.some((l) => l.id === clicked) && update((m) => withLine(m, clicked)),
  });
  return (
    <div class="mod-editor" data-testid="editor-remove-line">
      <Hint>{t('ed.pickLine.hint')}</Hint>
      <LineSelect
        label={t('ed.line')}
        lines={base.lines}
        value={mod.line}
        testid="remove-line"
        onChange={(id) => update((m) => withLine(m, id))}
        issues={issues}
        field=".line"
      />
    </div>
  );
}
