import { FolderOpenOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useRef } from 'react';
import { IMPORT_EXTENSIONS, loadDataset } from '../../app/loadActions';
import { useT } from '../../store/selectors';

/** Opens a dataset: the embedded default, a folder, or chosen files in any format the importer reads. */
export function LoadMenu() {
  const t = useT();
  const folderInput = useRef<HTMLInputElement>(null);
  const filesInput = useRef<HTMLInputElement>(null);
  const onPicked = (e: React.ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    if (files.length > 0) void loadDataset(files);
  };
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'default', label: t('loadDefault'), onClick: () => void loadDataset('default') },
            { key: 'folder', label: t('loadFolder'), onClick: () => folderInput.current?.click() },
            { key: 'files', label: t('loadFiles'), onClick: () => filesInput.current?.click() },
          ],
        }}
      >
        <Button icon={<FolderOpenOutlined />} data-testid="load-menu">{t('loadDataset')}</Button>
      </Dropdown>
      <input ref={folderInput} type="file" hidden onChange={onPicked} {...{ webkitdirectory: '', directory: '' }} multiple />
      <input ref={filesInput} data-testid="file-input" type="file" hidden multiple accept={IMPORT_EXTENSIONS.join(',')} onChange={onPicked} />
    </>
  );
}
