import { dispatch, shortcuts } from './commands';
import { useEditor } from './context';
import { Modal } from './Modal';

export function HelpOverlay() {
  const editor = useEditor();
  const close = () => void dispatch(editor, 'closeDialog');
  return (
    <Modal title="Keyboard shortcuts and gestures" onClose={close} wide>
      <div className="help-grid">
        <table className="keys-table">
          <tbody>
            {shortcuts().map((s) => (
              <tr key={s.label}>
                <td>
                  {s.keys.split(' ').map((k) => (
                    <kbd key={k}>{k}</kbd>
                  ))}
                </td>
                <td>{s.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="help-notes">
          <h3>On the network</h3>
          <ul>
            <li>
              <strong>Drag</strong> an actor to move it; the position is saved.
            </li>
            <li>
              <strong>Draw relationship</strong> (toolbar), then drag from one actor to another.
            </li>
            <li>
              <strong>Double-click</strong> an actor to bring in its neighbours.
            </li>
            <li>
              <strong>Right-click</strong> (or long-press) for the context menu.
            </li>
            <li>
              <strong>Shift-drag</strong> on the background to select several; wheel or pinch to zoom.
            </li>
          </ul>
          <h3>On the power grid</h3>
          <ul>
            <li>Drag an actor to another cell to record a new assessment.</li>
            <li>Move the time slider to see how the map looked on a past date.</li>
          </ul>
          <p className="muted">Every edit can be undone, one gesture at a time.</p>
        </div>
      </div>
    </Modal>
  );
}
