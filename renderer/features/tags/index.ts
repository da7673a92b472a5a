export { TagPicker } from './ui/TagPicker';
export { changeTags } from './mutations';
export { tagLabel } from './tagLabels';
