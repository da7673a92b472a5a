export { ScriptPanel } from './ui/ScriptPanel';
