export { AdminScreen, type AdminScreenProps } from './ui/AdminScreen';
