/** The leadership review loop: comments, approvals and the plan against its baseline. */
export {
  addComment,
  editComment,
  listThreads,
  setThreadResolved,
  COMMENT_TARGET_KINDS
} from './comments';
export type {
  CommentResult,
  CommentTarget,
  CommentTargetKind,
  CommentView,
  ThreadView
} from './comments';
export { listOpenQuestions, targetHref, TARGET_KIND_LABELS } from './open-questions';
export type { OpenQuestion } from './open-questions';
export { approveScenario, findApproval, listApprovals, loadBaseline } from './approvals';
export type { ApprovalRow, LoadedBaseline, StoredCheckResult } from './approvals';
export { compareWithBaseline, currentSide, ghostsFor } from './comparison';
export type { BaselineComparison } from './comparison';
