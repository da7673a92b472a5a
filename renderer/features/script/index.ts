export { ScriptPanel } from './ui/ScriptPanel';
export { QuestionField } from './ui/QuestionField';
