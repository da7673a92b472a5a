import { create } from 'zustand';
import type { LeadKind, LeadStatus, SourceChannel, Temperature } from '../../shared/model/lead';

/** UI and session state only: which view, what is typed, what is open. Lead data lives in Dexie. */
export interface QueueFilters {
  readonly status: LeadStatus | '';
  readonly temperature: Temperature | '';
  readonly tag: string;
  readonly sourceChannel: SourceChannel | '';
  readonly owner: string;
}

export const NO_FILTERS: QueueFilters = { status: '', temperature: '', tag: '', sourceChannel: '', owner: '' };

export type LeadPanel = { readonly mode: 'view' } | { readonly mode: 'edit' } | { readonly mode: 'new' };
export type Overlay = 'none' | 'import' | 'settings' | 'sync' | 'signIn' | 'feedback';
/** A team lead's screens; everyone else only has the desk. */
export type Screen = 'desk' | 'review' | 'playbook' | 'reports';

interface UiState {
  readonly view: LeadKind;
  readonly screen: Screen;
  readonly search: string;
  readonly filters: QueueFilters;
  readonly selectedLeadId: string | null;
  readonly panel: LeadPanel;
  readonly overlay: Overlay;
  readonly superseded: boolean;
  readonly toast: string | null;
  setView(view: LeadKind): void;
  setScreen(screen: Screen): void;
  setSearch(search: string): void;
  setFilter<K extends keyof QueueFilters>(key: K, value: QueueFilters[K]): void;
  clearFilters(): void;
  select(id: string | null): void;
  openPanel(panel: LeadPanel): void;
  setOverlay(overlay: Overlay): void;
  markSuperseded(): void;
  showToast(message: string | null): void;
}

export const initialUiState = {
  view: 'inbound',
  screen: 'desk',
  search: '',
  filters: NO_FILTERS,
  selectedLeadId: null,
  panel: { mode: 'view' },
  overlay: 'none',
  superseded: false,
  toast: null,
} as const satisfies Partial<UiState>;

export const useUiStore = create<UiState>()((set) => ({
  ...initialUiState,
  setView: (view) => set({ view }),
  setScreen: (screen) => set({ screen }),
  setSearch: (search) => set({ search }),
  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value } })),
  clearFilters: () => set({ filters: NO_FILTERS }),
  select: (selectedLeadId) => set({ selectedLeadId, panel: { mode: 'view' } }),
  openPanel: (panel) => set({ panel }),
  setOverlay: (overlay) => set({ overlay }),
  markSuperseded: () => set({ superseded: true }),
  showToast: (toast) => set({ toast }),
}));
