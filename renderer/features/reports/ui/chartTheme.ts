/** SVG fills take no CSS variables reliably, so the palette of styles.css is repeated here. */
export const CHART_COLORS = {
  dials: '#9cbcf5',
  conversations: '#1f6feb',
  contacted: '#5d8fd8',
  mqls: '#d98a00',
  sqls: '#1a7f37',
  leads: '#8b98a9',
  returned: '#d1372b',
} as const;

/** Legends and tooltips list series by name unless told otherwise; a funnel reads in its own order. */
export const inOrder =
  (keys: readonly string[]) =>
  (item: { readonly dataKey?: unknown }): number =>
    keys.indexOf(String(item.dataKey));

export const AXIS_TICK = { fontSize: 11, fill: '#5d6878' } as const;
