import { referencePattern } from '../../domain/patternOps';
import type { SetHeadway } from '../../domain/scenario';
import { t } from '../i18n';
import { type EditorProps, updater, useMapTool } from './editorProps';
import { FieldIssues, HeadwaysField, Hint, LineSelect } from './fields';
import { HIGHLIGHT_WIDTH, linePath } from './overlay';
import { togglePattern, withHeadwayMinutes, withLine } from './setHeadway';

/** New headways per period for a line (all its patterns, or the ones ticked). Click a line on the map to choose it. */
export function SetHeadwayEditor({ mod, modKey, network, issues }: EditorProps<SetHeadway>) {
  const update = updater<SetHeadway>(modKey);
  const line = network.lines.find((l) => l.id === mod.line);
  const patternIds = [...new Set(line?.patterns.map((p) => p.id) ?? [])];
  const current = line ? (referencePattern(line, 0) ?? line.patterns[0])?.headways : undefined;
  const pick = (id: string) => {
    const l = network.lines.find((x) => x.id === id);
    if (l) update((m) => withLine(m, l));
  };
  useMapTool({
    lines: [{ coords: linePath(network, line), color: line?.color ?? '#444444', width: HIGHLIGHT_WIDTH }],
    points: [],
    onClick: ({ line: clicked }) => clicked && pick(clicked),
  });
  return (
    <div class="mod-editor" data-testid="editor-set-headway">
      <Hint>{t('ed.pickLine.hint')}</Hint>
      <LineSelect
        label={t('ed.line')}
        lines={network.lines}
        value={mod.line}
        testid="headway-line"
        onChange={pick}
        issues={issues}
        field=".line"
      />
      {patternIds.length > 1 && (
        <fieldset class="patterns">
          <legend>{t('ed.patterns')}</legend>
          {patternIds.map((id) => (
            <label key={id} class="check">
              <input
                type="checkbox"
                checked={mod.patterns === undefined || mod.patterns.includes(id)}
                data-testid={`headway-pattern-${id}`}
                onChange={() => update((m) => togglePattern(m, id, patternIds))}
              />
              {id}
            </label>
          ))}
        </fieldset>
      )}
      <FieldIssues issues={issues} field=".patterns" />
      <HeadwaysField
        periods={network.periods}
        headways={mod.headways}
        {...(current && { placeholders: current })}
        issues={issues}
        field=".headways"
        testid="set-headways"
        onChange={(period, minutes, key) => update((m) => withHeadwayMinutes(m, period, minutes), key)}
      />
      <Hint>{t('ed.setHeadway.note')}</Hint>
    </div>
  );
}
