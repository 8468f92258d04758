import { useEffect } from 'preact/hooks';
import { startAutosave } from '../persistence/workspace';
import { ScenarioEditor } from './Editor';
import { startMapTools } from './mapTool';
import { startSession } from './session';

/** The editor panel, with what keeps it working: shortcuts and commits, autosave, the map tools. */
export function ScenarioPanel() {
  useEffect(() => {
    const stops = [startSession(), startAutosave(), startMapTools()];
    return () => {
      for (const stop of stops) stop();
    };
  }, []);
  return <ScenarioEditor />;
}
