import { DragOutlined, EditOutlined, ExportOutlined, RedoOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { downloadFile } from '../../app/download';
import { redoEdit, setDrawing, undoEdit } from '../../app/editActions';
import { activeScenario, scenarioFileText } from '../../app/scenarioActions';
import { useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';

/** Draw an area, undo, redo, export the scenario. */
export function EditToolbar() {
  const t = useT();
  const drawing = useAppStore((s) => s.drawing);
  const vertexMode = useAppStore((s) => s.vertexMode);
  const edits = useAppStore((s) => s.edits.length);
  const redos = useAppStore((s) => s.redoEdits.length);
  const ready = useAppStore((s) => !!s.result);
  return (
    <Space.Compact style={{ boxShadow: '0 1px 3px rgba(0,0,0,.2)' }}>
      <Tooltip title={t('drawHint')}>
        <Button data-testid="draw-area" type={drawing ? 'primary' : 'default'} icon={<EditOutlined />} disabled={!ready} onClick={() => setDrawing(!drawing)}>
          {drawing ? t('stopDrawing') : t('drawArea')}
        </Button>
      </Tooltip>
      <Tooltip title={t('moveVertexHint')}>
        <Button data-testid="move-vertex" type={vertexMode ? 'primary' : 'default'} icon={<DragOutlined />} disabled={!ready} onClick={() => useAppStore.setState({ vertexMode: !vertexMode, drawing: false, unitPicking: false })}>
          {t('moveVertex')}
        </Button>
      </Tooltip>
      <Button data-testid="undo" icon={<UndoOutlined />} disabled={edits === 0} onClick={() => void undoEdit()}>{t('undo')}</Button>
      <Button data-testid="redo" icon={<RedoOutlined />} disabled={redos === 0} onClick={() => void redoEdit()}>{t('redo')}</Button>
      <Button icon={<ExportOutlined />} disabled={edits === 0} onClick={() => downloadFile(`${activeScenario()?.name ?? 'scenario'}.json`, scenarioFileText(), 'application/json')}>{t('exportScenario')}</Button>
    </Space.Compact>
  );
}
