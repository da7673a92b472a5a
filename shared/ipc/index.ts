export * from './accelerator';
export * from './channels';
export * from './commands';
export * from './deepLink';
export * from './desktopApi';
export * from './externalLinks';
export * from './result';
export * from './schemas';
