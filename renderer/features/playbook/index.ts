export { usePlaybook, readPlaybook, findScript, DEFAULT_TEAM_PLAYBOOK, type TeamPlaybook } from './queries';
export { loadPlaybookFile, resetPlaybook } from './mutations';
export { PlaybookSettings } from './PlaybookSettings';
export { PlaybookEditor, type PlaybookEditorProps } from './ui/PlaybookEditor';
