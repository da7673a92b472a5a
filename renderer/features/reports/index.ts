export { ReportsScreen, type ReportsScreenProps } from './ui/ReportsScreen';
