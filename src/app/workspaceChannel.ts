/** What a tab tells the others after a save: the dataset key, the revisions it wrote, what it deleted. */
export interface SaveNotice {
  key: string;
  /** The workspace meta's revision now stored. */
  meta: number;
  /** Revision now stored, by scenario id written. */
  scenarios: Record<string, number>;
  /** Names of the scenarios written, by id (for a tab that does not know them). */
  names: Record<string, string>;
  removed: string[];
}

const NAME = 'xuequ-guihua-workspace';
const TAB = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

let channel: BroadcastChannel | undefined;

function open(): BroadcastChannel | undefined {
  try {
    channel ??= new BroadcastChannel(NAME);
  } catch {
    // No BroadcastChannel: other tabs learn of a save only when their own save is refused.
  }
  return channel;
}

/** Tells the other open tabs of this site about a save (a courtesy: the revision check is the guarantee). */
export function announceSave(notice: SaveNotice): void {
  open()?.postMessage({ ...notice, tab: TAB });
}

/** Calls `onSave` for every save announced by another tab; returns a function that stops listening. */
export function listenForSaves(onSave: (notice: SaveNotice) => void): () => void {
  const c = open();
  const listener = (e: MessageEvent<SaveNotice & { tab: string }>) => {
    if (e.data?.tab !== TAB) onSave(e.data);
  };
  c?.addEventListener('message', listener);
  return () => c?.removeEventListener('message', listener);
}
