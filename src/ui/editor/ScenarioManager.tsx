import { serializeScenario } from '../../io/scenario';
import { openScenario } from '../data/load';
import { t } from '../i18n';
import { downloadText } from '../panels/ExportFile';
import { isReadOnly } from '../persistence/workspace';
import { TextField, useVisitKey } from './fields';
import { describeScenario, renameScenario } from './scenarioOps';
import {
  createNew,
  deleteActive,
  duplicateActive,
  edit,
  flush,
  redo,
  undo,
  undoState,
  working,
} from './session';

/** Create, duplicate, rename, delete, import and export scenarios; undo and redo. */
export function ScenarioManager() {
  const s = working.value;
  const { canUndo, canRedo } = undoState.value;
  const [descriptionKey, newDescriptionVisit] = useVisitKey('scenario-description');
  return (
    <div class="scenario-manager">
      <div class="button-row">
        <button type="button" data-testid="scenario-new" onClick={() => createNew(t('scen.newName'))}>
          {t('scen.new')}
        </button>
        <button type="button" data-testid="scenario-duplicate" disabled={!s} onClick={duplicateActive}>
          {t('scen.duplicate')}
        </button>
        <button
          type="button"
          data-testid="scenario-delete"
          disabled={!s || isReadOnly(s)}
          onClick={deleteActive}
        >
          {t('scen.delete')}
        </button>
        <label class="file-button" data-testid="scenario-import-label">
          {t('scen.import')}
          <input
            type="file"
            accept=".json,application/json"
            data-testid="scenario-import"
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              if (!file) return;
              // Checked against the network in the io worker; on any problem every issue is listed and
              // nothing changes.
              void file
                .text()
                .then((text) => openScenario(file.name, text))
                .finally(() => (input.value = ''));
            }}
          />
        </label>
        <button
          type="button"
          data-testid="scenario-export"
          disabled={!s}
          onClick={() => {
            flush();
            const current = working.value;
            if (current)
              downloadText(`${current.id}.scenario.json`, serializeScenario(current), 'application/json');
          }}
        >
          {t('scen.export')}
        </button>
      </div>
      <div class="button-row">
        <button type="button" data-testid="undo" disabled={!canUndo} onClick={undo} title="Ctrl/⌘+Z">
          {t('ed.undo')}
        </button>
        <button type="button" data-testid="redo" disabled={!canRedo} onClick={redo} title="Shift+Ctrl/⌘+Z">
          {t('ed.redo')}
        </button>
      </div>
      {s ? (
        <>
          <TextField
            label={t('scen.name')}
            value={s.name}
            testid="scenario-name"
            onValue={(v, key) => v.trim() && edit((x) => renameScenario(x, v), key)}
          />
          <label class="field">
            <span>{t('scen.description')}</span>
            <textarea
              rows={2}
              value={s.description}
              data-testid="scenario-description"
              onFocus={newDescriptionVisit}
              onInput={(e) =>
                edit((x) => describeScenario(x, (e.target as HTMLTextAreaElement).value), descriptionKey())
              }
            />
          </label>
        </>
      ) : (
        <p class="hint">{t('scen.pick')}</p>
      )}
    </div>
  );
}
