/** Strings of this feature's namespace. zh-CN must have exactly the keys of en (its type says so). */
const en = {
  title: '',
};

type Strings = typeof en;

const zhCN: Strings = {
  title: '',
};

export const playbookEditorStrings = { en, 'zh-CN': zhCN } as const;
