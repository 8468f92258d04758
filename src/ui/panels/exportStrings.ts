import { DICTIONARIES } from '../i18n';

/** The OMX export's texts, added to the app's dictionaries when the export panel is loaded. */
const en: Record<string, string> = {
  'export.omx': 'Matrices (.omx)',
  'export.omxTitle':
    'Travel time and perceived cost, before and after, as Open Matrix (OMX): for Emme, Visum, TransCAD, Cube, ActivitySim or Python',
};

const zh: Record<string, string> = {
  'export.omx': '矩阵（.omx）',
  'export.omxTitle':
    '方案前后的出行时间与感知成本，开放矩阵格式（OMX）：可用于 Emme、Visum、TransCAD、Cube、ActivitySim 或 Python',
};

Object.assign(DICTIONARIES.en, en);
Object.assign(DICTIONARIES.zh, zh);
