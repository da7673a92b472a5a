export { ReviewWorkspace, type ReviewWorkspaceProps } from './ui/ReviewWorkspace';
export { CallReview, type CallReviewProps } from './ui/CallReview';
export { ScorecardForm, type ScorecardFormProps } from './ui/ScorecardForm';
export { FeedbackButton, type FeedbackButtonProps } from './ui/FeedbackButton';
export { FeedbackPanel, type FeedbackPanelProps } from './ui/FeedbackPanel';
export { useUnreadReviewCount } from './queries';
