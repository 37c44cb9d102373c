/** The leadership view of the roadmap: present page, share links and timeline exports. */
export {
  createShareLink,
  findShareLink,
  recordShareView,
  revokeLinksMadeBy,
  revokeShareLink,
  sharePath,
  type ShareLookup
} from './share-links';
export { listShareLinks, type ShareLinkListItem } from './share-link-list';
export { sharedPresent, shareItemAnchor, type SharedPresent } from './shared-view';
export {
  presentView,
  presentZoom,
  type PresentOptions,
  type PresentPicture,
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
