import { Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { Locale, MessageKey } from '../../i18n/messages';
import { displayName } from '../../store/selectors';

/** What a row needs to show a school's name with its private and planned tags. */
interface NamedSchool {
  name: string;
  nameEn?: string;
  ownership: 'public' | 'private';
  planned?: boolean;
}

/** The school column of a table: the name in the locale, sortable, with 民办 / 规划中 tags. */
export function schoolNameColumn<R extends NamedSchool>(t: (key: MessageKey) => string, locale: Locale, width: number): ColumnType<R> {
  return {
    title: t('school'),
    key: 'name',
    fixed: 'left',
    width,
    sorter: (a, b) => displayName(a, locale).localeCompare(displayName(b, locale), locale),
    render: (_: unknown, r) => (
      <span title={r.name}>
        {displayName(r, locale)}
        {r.ownership === 'private' && <Tag color="purple" style={{ marginLeft: 4 }}>{t('private')}</Tag>}
        {r.planned && <Tag color="blue" style={{ marginLeft: 4 }}>{t('planned')}</Tag>}
      </span>
    ),
  };
}
