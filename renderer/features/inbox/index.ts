export { SalesInbox, type SalesInboxProps } from './ui/SalesInbox';
