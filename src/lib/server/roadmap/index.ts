/** The roadmap: scenarios, items with their links, moves and their undo. */
export {
  findScenario,
  itemFormOptions,
  listScenarios,
  loadRoadmap,
  scenarioItemCounts,
  scenarioItemsForComparison
} from './queries';
export type { LoadedRoadmap, ScenarioRow, RoadmapItemRow } from './queries';
export { changeLane, createItem, findItem, itemSnapshot, moveItem, updateItem } from './items';
export type { ItemLinks, ItemSnapshot, ItemWriteResult } from './items';
export { roadmapItemLinks } from './links';
export { undoItemChange, undoOffer } from './undo';
export type { UndoOffer } from './undo';
export {
  copyScenario,
  createScenario,
  ensureCurrentScenario,
  makeScenarioCurrent
} from './scenarios';
export { clientView, roadmapView } from './view';
export type { ClientRoadmapView, RoadmapView } from './view';
export { cachedRoadmapPage } from './cached-page';
export { roadmapPageBase, roadmapPageView, roadmapTable, TABLE_PAGE_SIZE } from './page-view';
export type {
  ListedWarning,
  RoadmapPageBase,
  RoadmapPageView,
  RoadmapTablePage,
  TimelineData
} from './page-view';
export { readItemForm } from './form';
export { addMilestone, deleteMilestone } from './milestones';
export { deleteItem, restoreItem } from './delete-item';
export type { DeletedItemSnapshot, ItemDeleteResult } from './delete-item';
export { deleteScenario, renameScenario, scenarioDeleteBlocker } from './scenario-edits';
