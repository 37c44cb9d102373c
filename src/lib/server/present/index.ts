/** The leadership view of the roadmap: present page, share links and timeline exports. */
export {
  createShareLink,
  findShareLink,
  listShareLinks,
  recordShareView,
  revokeShareLink,
  sharePath,
  type ShareLinkListItem,
  type ShareLookup
} from './share-links';
export {
  presentView,
  presentZoom,
  type PresentOptions,
  type PresentProgramme,
  type PresentView
} from './view';
export {
  roadmapItemsExport,
  timelineFormat,
  timelinePng,
  timelineSvg,
  type TimelineFormat
} from './timeline-export';
export { scenarioForExport } from './export-load';
