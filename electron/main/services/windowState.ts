/**
 * Where the main window reopens: the saved bounds when they are still on a connected display,
 * otherwise the default size centred on the primary display. Pure; the file I/O is in
 * windowStateStore.ts.
 */
import { z } from 'zod';

export interface Rectangle {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

export const MIN_WINDOW_SIZE: Size = { width: 1100, height: 700 };
export const DEFAULT_WINDOW_SIZE: Size = { width: 1366, height: 768 };

// Bounds are bounded so a hand-edited file cannot ask for a window a million pixels wide.
const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(1).max(100_000);

export const windowStateSchema = z.object({
  version: z.literal(1),
  bounds: z.object({ x: coordinate, y: coordinate, width: length, height: length }),
  isMaximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export interface RestoredWindow {
  readonly bounds: Rectangle;
  readonly minSize: Size;
  readonly isMaximized: boolean;
}

function intersectionArea(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/** On a screen smaller than the minimum, the minimum gives way to the screen. */
function minSizeFor(area: Rectangle): Size {
  return { width: Math.min(MIN_WINDOW_SIZE.width, area.width), height: Math.min(MIN_WINDOW_SIZE.height, area.height) };
}

function fitSize(wanted: Size, area: Rectangle): Size {
  const min = minSizeFor(area);
  return {
    width: clamp(wanted.width, min.width, area.width),
    height: clamp(wanted.height, min.height, area.height),
  };
}

function centred(size: Size, area: Rectangle): Rectangle {
  return {
    x: area.x + Math.round((area.width - size.width) / 2),
    y: area.y + Math.round((area.height - size.height) / 2),
    ...size,
  };
}

/**
 * @param workAreas the work areas of all connected displays
 * @param primaryWorkArea the primary display's work area (the fallback)
 */
export function computeRestoredWindow(
  saved: WindowState | null,
  workAreas: readonly Rectangle[],
  primaryWorkArea: Rectangle,
): RestoredWindow {
  if (saved === null) {
    return {
      bounds: centred(fitSize(DEFAULT_WINDOW_SIZE, primaryWorkArea), primaryWorkArea),
      minSize: minSizeFor(primaryWorkArea),
      isMaximized: false,
    };
  }
  // The display showing most of the saved window; none when it was on a display since unplugged.
  let best: Rectangle | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const overlap = intersectionArea(saved.bounds, area);
    if (overlap > bestArea) {
      best = area;
      bestArea = overlap;
    }
  }
  if (best === null) {
    return {
      bounds: centred(fitSize(saved.bounds, primaryWorkArea), primaryWorkArea),
      minSize: minSizeFor(primaryWorkArea),
      isMaximized: saved.isMaximized,
    };
  }
  const size = fitSize(saved.bounds, best);
  // Pulled fully inside the display so the title bar can always be grabbed.
  const x = clamp(saved.bounds.x, best.x, best.x + best.width - size.width);
  const y = clamp(saved.bounds.y, best.y, best.y + best.height - size.height);
  return { bounds: { x, y, ...size }, minSize: minSizeFor(best), isMaximized: saved.isMaximized };
}
