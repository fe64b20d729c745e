import { useState } from 'react';
import { alignmentColors, alignmentLabels, UNKNOWN_COLOR } from '../graph/visual';
import { useEditorState } from '../editor/context';

import { visibleRelationships } from '../graph/doc';
import { partnerLooks } from '../graph/partners';
import { linesShown } from '../graph/legend-lines';
import { alignmentAxis } from '../graph/scales';

/** What the shapes, colours and lines mean; folds away. */
export function Legend({ view, inline = false }: { view: 'network' | 'grid'; inline?: boolean }) {
  // On a laptop, tablet or phone screen the legend starts folded so it does not cover the map.
  const [open, setOpen] = useState(
    () => inline || typeof window === 'undefined' || (window.innerHeight >= 950 && window.innerWidth >= 900),
  );
  const doc = useEditorState((s) => s.doc);
  const types = new Set(visibleRelationships(doc).map((r) => r.type));
  const uncited = visibleRelationships(doc).some((r) => r.sourceIds.length === 0);
  const colorBy = useEditorState((s) => s.colorBy);
  const sizeBy = useEditorState((s) => s.sizeBy);
  const partners = [...partnerLooks(doc).values()];
  const marks = useEditorState((s) => (s.showTargets ? s.targets : null));
  const onMap = marks
    ? new Set(
        Object.keys(doc.members)
          .map((id) => marks[id])
          .filter(Boolean),
      )
    : new Set();
  return (
    <div className={`legend ${inline ? 'legend-inline' : ''} ${open ? '' : 'legend-closed'}`} aria-label="Legend">
      <button className="legend-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Legend ▾' : 'Legend ▸'}
      </button>
      {open && (
        <div className="legend-body">
          <div className="legend-group">
            <span className="legend-item">
              <svg width="16" height="16" aria-hidden="true">
                <polygon points="8,1 15,15 1,15" fill="#fff" stroke="#4b5563" />
              </svg>
              Decision-maker
            </span>
            <span className="legend-item">
              <svg width="16" height="16" aria-hidden="true">
                <rect x="1" y="3" width="14" height="10" fill="#fff" stroke="#4b5563" />
              </svg>
              Organised group
            </span>
            <span className="legend-item">
              <svg width="16" height="16" aria-hidden="true">
                <circle cx="8" cy="8" r="6.5" fill="#fff" stroke="#4b5563" />
              </svg>
              Other actor
            </span>
            <span className="legend-item">
              <svg width="16" height="16" aria-hidden="true">
                <circle cx="8" cy="8" r="5.5" fill="#fff" stroke="#111" strokeWidth="3" />
              </svg>
              Bad actor
            </span>
          </div>
          {!colorBy && (
            <div className="legend-group">
              <span className="legend-caption">Alignment</span>
              <span className="legend-scale">
                {alignmentAxis.map((a) => (
                  <span key={a} className="swatch" style={{ background: alignmentColors[a] }} title={alignmentLabels[a]} />
                ))}
              </span>
              <span className="legend-ends">
                <span>opposed</span>
                <span>with us</span>
              </span>
              <span className="legend-item">
                <span className="swatch dashed" style={{ background: UNKNOWN_COLOR }} />
                Not assessed
              </span>
            </div>
          )}
          {colorBy && (
            <div className="legend-group">
              <span className="legend-caption">Colour = community</span>
            </div>
          )}
          {view === 'network' && (
            <div className="legend-group">
              <span className="legend-caption">{sizeBy ? 'Size = broker score' : 'Size = power'}</span>
              {linesShown(types).map((l) => (
                <span key={l.family} className="legend-item">
                  <svg width="26" height="8" aria-hidden="true">
                    <line
                      x1="0"
                      y1="4"
                      x2="26"
                      y2="4"
                      stroke={l.color}
                      strokeWidth="2.5"
                      strokeDasharray={l.line === 'dashed' ? '6 3' : l.line === 'dotted' ? '2 3' : undefined}
                    />
                  </svg>
                  {l.family}
                </span>
              ))}
              {(uncited || !types.size) && (
                <span className="legend-item">
                  <svg width="26" height="8" aria-hidden="true">
                    <line x1="0" y1="4" x2="26" y2="4" stroke="#7a8291" strokeWidth="2" strokeDasharray="2 4" />
                  </svg>
                  No source yet
                </span>
              )}
            </div>
          )}
          {view === 'network' && onMap.size > 0 && (
            <div className="legend-group">
              <span className="legend-caption">Targets of our demands</span>
              <span className="legend-item">
                <svg width="20" height="20" aria-hidden="true">
                  <circle cx="10" cy="10" r="7.5" fill="none" stroke="#6d28d9" strokeWidth="3" />
                  <circle cx="10" cy="10" r="4" fill="#fff" stroke="#4b5563" />
                </svg>
                Primary: can say yes
              </span>
              <span className="legend-item">
                <svg width="20" height="20" aria-hidden="true">
                  <circle cx="10" cy="10" r="7.5" fill="none" stroke="#6d28d9" strokeOpacity="0.45" strokeWidth="2" strokeDasharray="3 2" />
                  <circle cx="10" cy="10" r="4" fill="#fff" stroke="#4b5563" />
                </svg>
                Secondary: can move them
              </span>
              <span className="legend-note">Toggle with ◎ Targets (M)</span>
            </div>
          )}
          {view === 'network' && partners.length > 0 && (
            <div className="legend-group">
              <span className="legend-caption">Ties added by partners</span>
              {partners.map((p) => (
                <span key={p.id} className="legend-item">
                  <svg width="26" height="8" aria-hidden="true">
                    <line x1="0" y1="4" x2="26" y2="4" stroke={p.color} strokeWidth="3" />
                  </svg>
                  {p.name}
                </span>
              ))}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
