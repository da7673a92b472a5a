export { Timeline } from './ui/Timeline';
export { timelineItems, type TimelineItem } from './timelineItems';
