export { NotesEditor } from './ui/NotesEditor';
export { notesForLead } from './queries';
export { addNote } from './mutations';
