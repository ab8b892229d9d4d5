import { Select } from 'antd';
import type { School } from '../../core/dataset';
import { displayName } from '../../store/selectors';
import { useAppStore } from '../../store/store';

/** A searchable list of schools by their name in the current locale. */
export function SchoolSelect(props: {
  schools: School[];
  value?: string;
  onChange: (id: string) => void;
  placeholder: string;
  width: number;
  size?: 'small';
  testId?: string;
}) {
  const locale = useAppStore((s) => s.locale);
  return (
    <Select
      data-testid={props.testId}
      size={props.size}
      showSearch
      style={{ width: props.width }}
      placeholder={props.placeholder}
      value={props.value}
      onChange={props.onChange}
      optionFilterProp="label"
      options={props.schools.map((s) => ({ value: s.id, label: displayName(s, locale) }))}
    />
  );
}
