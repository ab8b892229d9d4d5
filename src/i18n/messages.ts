import { EN } from './messages.en';
import { ZH } from './messages.zh';

/** UI strings, Chinese first (messages.zh.ts), English in messages.en.ts with every key of it. */
export type MessageKey = keyof typeof ZH;

export type Locale = 'zh-CN' | 'en';

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': ZH, en: EN };
