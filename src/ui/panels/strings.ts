import { DICTIONARIES } from '../i18n';

/**
 * Texts of the map's classes and orientation, the district table, the report and the exports, added to
 * the app's dictionaries when this module is loaded (kept here so they live with what shows them).
 */
const en: Record<string, string> = {
  'unit.min': 'min',
  'unit.jobs': 'jobs',
  'unit.people': 'people',
  'class.quicker': '{range} min quicker',
  'class.slower': '{range} min slower',
  'class.within': 'within ±{range}',
  'class.fewerJobs': '{range} fewer jobs',
  'class.moreJobs': '{range} more jobs',
  'class.withinJobs': 'within ±{range} jobs',
  'legend.backTo': '← Back to {metric}',
  'legend.core': 'Core (commute circle centre)',
  'legend.districts': 'District boundary',
  'legend.subdistricts': 'Subdistrict boundary',
  'chart.noPath': 'no path',
  'chart.beyond': '≥ {minutes}',
  'chart.minutes': 'minutes to the core',
  'basemap.failed': 'The basemap could not be loaded; showing the map without it',
  'basemap.loading': 'Loading the basemap…',
  'scenario.pending': 'Not applied yet (incomplete): {what}. The rest of the scenario is shown.',
};

const zh: Record<string, string> = {
  'unit.min': '分钟',
  'unit.jobs': '个岗位',
  'unit.people': '人',
  'class.quicker': '快{range}分钟',
  'class.slower': '慢{range}分钟',
  'class.within': '变化在±{range}以内',
  'class.fewerJobs': '减少{range}个岗位',
  'class.moreJobs': '增加{range}个岗位',
  'class.withinJobs': '变化在±{range}个岗位以内',
  'legend.backTo': '← 返回{metric}',
  'legend.core': '核心区（通勤圈中心）',
  'legend.districts': '区界',
  'legend.subdistricts': '街道乡镇界',
  'chart.noPath': '不可达',
  'chart.beyond': '≥{minutes}',
  'chart.minutes': '到核心区分钟数',
  'basemap.failed': '底图无法加载，已改为不带底图显示',
  'basemap.loading': '正在加载底图…',
  'scenario.pending': '尚未应用（未完成）：{what}。其余修改照常显示。',
};

Object.assign(DICTIONARIES.en, en);
Object.assign(DICTIONARIES.zh, zh);
