import { useSignal } from '@preact/signals';
import type { ComponentType } from 'preact';
import type { Modification, ModificationType } from '../../domain/scenario';
import { t } from '../i18n';
import { isReadOnly } from '../persistence/workspace';
import { lang, network } from '../state/store';
import { applied, grouped, issuesOf, selectedContext } from './context';
import { describeModification } from './describe';
import type { EditorProps } from './editorProps';
import { FieldIssues, TextField } from './fields';
import { newModification } from './newModification';
import { entryOf, OFFERED } from './registry';
import { ScenarioManager } from './ScenarioManager';
import { modificationKey, setEnabled, setNote } from './scenarioOps';
import { addNew, edit, removeModificationByKey, selected, working } from './session';
import './strings';

function AddModification() {
  const type = useSignal<ModificationType>('add-line');
  const n = network.value?.network;
  const s = working.value;
  if (!n || !s) return null;
  const result = applied.value;
  const current = result?.ok ? result.network : n;
  // Enabled only when the type has something to work on (a line to extend, two lines to join, …).
  const possible = newModification(type.value, s, current, n) !== undefined;
  return (
    <div class="add-modification row">
      <label class="field">
        <span>{t('ed.newModification')}</span>
        <select
          value={type.value}
          data-testid="mod-type"
          onChange={(e) => (type.value = (e.target as HTMLSelectElement).value as ModificationType)}
        >
          {OFFERED.map((ty) => (
            <option key={ty} value={ty}>
              {t(`mod.${ty}`)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        data-testid="mod-add"
        disabled={!possible}
        title={possible ? undefined : t('ed.nothingToApply')}
        onClick={() => addNew((sc) => newModification(type.value, sc, current, n))}
      >
        {t('ed.add')}
      </button>
    </div>
  );
}

function ModificationItem({ mod, index }: { mod: Modification; index: number }) {
  const n = network.value!.network;
  const key = modificationKey(mod, index);
  const open = selected.value === key;
  const issues = issuesOf(index);
  const result = applied.value;
  const named = result?.ok ? result.network : n;
  const ctx = open ? selectedContext.value : null;
  const Editor = entryOf(mod).Editor as ComponentType<EditorProps<Modification>>;
  const s = working.value!;
  return (
    <li
      class={`modification ${open ? 'open' : ''} ${mod.enabled === false ? 'disabled' : ''}`}
      data-testid={`mod-${index}`}
    >
      <div class="mod-head">
        <input
          type="checkbox"
          checked={mod.enabled !== false}
          aria-label={t('ed.enabled')}
          title={t('ed.enabled')}
          data-testid={`mod-${index}-enabled`}
          onChange={(e) => edit((sc) => setEnabled(sc, index, (e.target as HTMLInputElement).checked))}
        />
        <button
          type="button"
          class="mod-title"
          aria-expanded={open}
          data-testid={`mod-${index}-open`}
          onClick={() => (selected.value = open ? null : key)}
        >
          <strong>{t(`mod.${mod.type}`)}</strong> {describeModification(mod, [named, n], lang.value, t)}
        </button>
        {issues.length > 0 && (
          <span class="badge" title={t('ed.problems')} data-testid={`mod-${index}-issues`}>
            {issues.length}
          </span>
        )}
        <button
          type="button"
          aria-label={t('ed.removeModification')}
          data-testid={`mod-${index}-remove`}
          onClick={() => removeModificationByKey(key)}
        >
          ✕
        </button>
      </div>
      {!open && issues.length > 0 && <FieldIssues issues={issues.slice(0, 2)} />}
      {open && ctx && Editor && (
        <div class="mod-body">
          <Editor mod={ctx.mod} modKey={key} network={ctx.network} base={n} scenario={s} issues={issues} />
          <TextField
            label={t('ed.note')}
            value={mod.note ?? ''}
            testid="mod-note"
            onValue={(v, k) => edit((sc) => setNote(sc, index, v), k)}
          />
          <UnclaimedIssues index={index} />
        </div>
      )}
    </li>
  );
}

/** Issues about the open modification as a whole (not one of its fields). */
function UnclaimedIssues({ index }: { index: number }) {
  return <FieldIssues issues={issuesOf(index).filter((i) => i.field === '')} />;
}

/** The scenario's modifications, each with its editor when opened, and a way to add more. */
export function ScenarioEditor() {
  const n = network.value?.network;
  const s = working.value;
  if (!n) return null;
  return (
    <section class="panel editor" aria-label={t('ed.title')} data-testid="editor">
      <h2>{t('ed.title')}</h2>
      <ScenarioManager />
      {s && (
        <>
          {isReadOnly(s) && <p class="note">{t('scen.readOnly')}</p>}
          {grouped.value.scenario.length > 0 && (
            <ul class="field-issues">
              {grouped.value.scenario.map((i) => (
                <li key={i.path}>
                  <code>{i.path}</code> {i.message}
                </li>
              ))}
            </ul>
          )}
          <AddModification />
          {s.modifications.length === 0 ? (
            <p class="hint">{t('ed.empty')}</p>
          ) : (
            <ol class="modifications" data-testid="modifications">
              {s.modifications.map((m, k) => (
                <ModificationItem key={modificationKey(m, k)} mod={m} index={k} />
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
