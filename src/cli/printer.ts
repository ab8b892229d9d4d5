import { printable } from '../core/printable';

/**
 * Prints a message on standard error, each of its lines made printable: a file name or a cell
 * value quoted in it cannot move the cursor, clear the screen or colour the terminal.
 */
export function say(text: string): void {
  process.stderr.write(`${text.split('\n').map(printable).join('\n')}\n`);
}

/** Why a file cannot be written, in words, from its Node error code. */
export function writeFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    ENOENT: 'its folder does not exist',
    ENOTDIR: 'its folder does not exist',
    EISDIR: 'it is a folder; give a file name',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOSPC: 'the disk is full',
  };
  return (code && words[code]) ?? code ?? (e as Error).message;
}
