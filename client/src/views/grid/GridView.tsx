import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { ALIGNMENT_MIN, POWER_MAX, type Actor } from '../../api/domain';
import { endpoints } from '../../api/endpoints';
import { dispatch } from '../../editor/commands';
import { useEditor, useEditorState } from '../../editor/context';
import { visibleActors } from '../../graph/doc';
import { allyBands, cellRect, COLUMNS, gridGeometry, readingAt, ROWS, spreadInCell } from '../../graph/grid';
import { actorShape, alignmentColor, alignmentLabels, isBadActor, powerLabels } from '../../graph/visual';
import { framedSvg, svgSize, svgTextToPng, type ExportCaption } from '../../graph/export-frame';
import { standaloneSvg } from './svg-export';
import { TimeSlider } from './TimeSlider';
import { Legend } from '../Legend';
import { alignmentAxis, clampAlignment, clampPower, powerScale, signed } from '../../graph/scales';

type Reading = { power: number; alignment: number };
const MARK = 26;

/**
 * The power grid: alignment across, power up. Dragging an actor records a new assessment.
 * Without a workspace (a shared map) there is no history to slide through.
 */
export function GridView({ ws }: { ws?: string }) {
  const editor = useEditor();
  const doc = useEditorState((s) => s.doc);
  const selection = useEditorState((s) => s.selection);
  const highlight = useEditorState((s) => s.highlight);
  const wrap = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const [size, setSize] = useState({ width: 900, height: 560 });
  const [drag, setDrag] = useState<{ id: string; x: number; y: number; moved: boolean } | null>(null);
  const [at, setAt] = useState<string | null>(null);
  const [past, setPast] = useState<Record<string, Reading> | null>(null);
  const [firstReading, setFirstReading] = useState<string | null>(null);

  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver(
      ([entry]) =>
        entry && setSize({ width: Math.max(640, entry.contentRect.width - 4), height: Math.max(440, entry.contentRect.height - 76) }),
    );
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    if (!at || !ws) return setPast(null);
    let live = true;
    endpoints.assessmentsAt(ws, at).then(
      (r) => live && setPast(Object.fromEntries(r.items.map((i) => [i.actorId, { power: i.power, alignment: i.alignment }]))),
      (e: Error) => live && editor.say('error', `Could not load the map as of ${at}: ${e.message}`),
    );
    return () => {
      live = false;
    };
  }, [at, ws, editor]);

  // The slider reaches back to the first reading, which may be older than any actor here.
  const actorCount = Object.keys(doc.actors).length;
  useEffect(() => {
    if (!ws) return;
    let live = true;
    endpoints.assessmentRange(ws).then(
      (r) => live && setFirstReading(r.earliest),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [ws, actorCount]);

  useEffect(() => {
    const picture = (caption: ExportCaption) => {
      if (!svg.current) return null;
      const drawn = standaloneSvg(svg.current);
      return framedSvg(drawn, svgSize(drawn), caption);
    };
    editor.canvas = {
      svg: picture,
      png: (caption) => {
        const framed = picture(caption);
        return framed ? svgTextToPng(framed, svgSize(framed)) : null;
      },
    };
    return () => {
      editor.canvas = {};
    };
  }, [editor]);

  const g = useMemo(() => gridGeometry(size.width - 190, size.height, { left: 170, top: 52, right: 16, bottom: 78 }), [size]);
  const actors = visibleActors(doc);
  const reading = (a: Actor): Reading | null =>
    past ? (past[a.id] ?? null) : a.power !== null && a.alignment !== null ? { power: a.power, alignment: a.alignment } : null;
  const placed = actors.filter((a) => reading(a));
  // The tray holds the unassessed; the selected ones first (so an actor picked in the search
  // box or the table can be dragged from here), then the most powerful.
  const tray = actors
    .filter((a) => !reading(a))
    .sort(
      (a, b) =>
        Number(selection.actors.includes(b.id)) - Number(selection.actors.includes(a.id)) ||
        (b.power ?? -1) - (a.power ?? -1) ||
        a.name.localeCompare(b.name),
    );

  // Where each actor sits: spread within its cell so none hides another.
  const spots = useMemo(() => {
    const byCell = new Map<string, Actor[]>();
    for (const a of placed) {
      const r = reading(a)!;
      const key = `${r.alignment}:${r.power}`;
      byCell.set(key, [...(byCell.get(key) ?? []), a]);
    }
    const out = new Map<string, { x: number; y: number }>();
    for (const [key, list] of byCell) {
      const [al, pw] = key.split(':').map(Number) as [number, number];
      const pts = spreadInCell(cellRect(g, al, pw), list.length, MARK + 40);
      list.sort((a, b) => a.name.localeCompare(b.name)).forEach((a, i) => out.set(a.id, pts[i]!));
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on what decides a spot (id, power, alignment), so edits of other fields keep the spots
  }, [placed.map((a) => `${a.id}:${reading(a)?.power}:${reading(a)?.alignment}`).join(), g]);

  const readOnly = !editor.me.canEdit || !!past;
  const toSvg = (e: PointerEvent) => {
    const rect = svg.current!.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };
  const down = (a: Actor) => (e: PointerEvent<SVGGElement>) => {
    editor.store.set({ selection: { actors: [a.id], relationships: [] }, panel: 'inspector' });
    if (readOnly) return;
    (e.currentTarget as Element).setPointerCapture(e.pointerId);
    setDrag({ id: a.id, ...toSvg(e), moved: false });
  };
  const move = (e: PointerEvent) => drag && setDrag({ ...drag, ...toSvg(e), moved: true });
  const up = (e: PointerEvent) => {
    if (!drag) return;
    const p = toSvg(e);
    setDrag(null);
    if (!drag.moved || p.x > g.left + g.cellWidth * COLUMNS + 20) return;
    const r = readingAt(g, p.x, p.y);
    void dispatch(editor, 'assessActor', { id: drag.id, ...r });
  };
  const key = (a: Actor) => (e: KeyboardEvent) => {
    if (readOnly) return;
    const r = reading(a) ?? { power: 0, alignment: 0 };
    const moves: Record<string, Reading> = {
      ArrowLeft: { ...r, alignment: clampAlignment(r.alignment - 1) },
      ArrowRight: { ...r, alignment: clampAlignment(r.alignment + 1) },
      ArrowUp: { ...r, power: clampPower(r.power + 1) },
      ArrowDown: { ...r, power: clampPower(r.power - 1) },
    };
    const next = moves[e.key];
    if (!next) return;
    e.preventDefault();
    e.stopPropagation();
    void dispatch(editor, 'assessActor', { id: a.id, ...next });
  };

  const lit = highlight ? new Set(highlight.actors) : null;
  const gridRight = g.left + g.cellWidth * COLUMNS;
  const gridBottom = g.top + g.cellHeight * 6;
  const trayX = gridRight + 24;
  const trayWidth = size.width - trayX - 8;
  const trayCols = Math.max(1, Math.floor(trayWidth / 112));
  const trayRows = Math.max(1, Math.floor((gridBottom - g.top - 24) / 54));
  const trayRoom = trayCols * trayRows;
  const trayShown = tray.length > trayRoom ? tray.slice(0, trayRoom - 1) : tray;
  const trayAt = (i: number) => ({
    x: trayX + (trayWidth / trayCols) * ((i % trayCols) + 0.5),
    y: g.top + 30 + Math.floor(i / trayCols) * 54,
  });

  const marker = (a: Actor, x: number, y: number) => {
    const shape = actorShape(a);
    const fill = alignmentColor(reading(a)?.alignment ?? null);
    const selected = selection.actors.includes(a.id);
    const stroke = selected ? '#2563eb' : isBadActor(a) ? '#111' : '#4b5563';
    const sw = selected ? 3 : isBadActor(a) ? 3.5 : 1.5;
    const h = MARK / 2;
    const r = reading(a);
    return (
      <g
        key={a.id}
        className={`grid-actor ${drag?.id === a.id ? 'dragging' : ''} ${lit && !lit.has(a.id) ? 'faded' : ''}`}
        transform={`translate(${x},${y})`}
        tabIndex={0}
        role="button"
        aria-label={`${a.name}: ${r ? `power ${r.power} (${powerLabels[r.power]}), ${alignmentLabels[r.alignment]}` : 'not assessed'}.${readOnly ? '' : ' Arrow keys move it.'}`}
        data-actor={a.name}
        onPointerDown={down(a)}
        onPointerMove={move}
        onPointerUp={up}
        onKeyDown={key(a)}
        onFocus={() => editor.store.set({ selection: { actors: [a.id], relationships: [] } })}
      >
        {shape === 'triangle' && (
          <polygon points={`0,${-h} ${h},${h * 0.8} ${-h},${h * 0.8}`} fill={fill} stroke={stroke} strokeWidth={sw} />
        )}
        {shape === 'rectangle' && (
          <rect x={-h} y={-h * 0.75} width={MARK} height={MARK * 0.75} fill={fill} stroke={stroke} strokeWidth={sw} />
        )}
        {shape === 'ellipse' && <circle r={h * 0.85} fill={fill} stroke={stroke} strokeWidth={sw} />}
        <text y={h + 12} textAnchor="middle" className="grid-label">
          {a.name.length > 18 ? `${a.name.slice(0, 17)}…` : a.name}
        </text>
      </g>
    );
  };

  return (
    <div className="grid-view" ref={wrap}>
      <div className="grid-top">
        {ws && (
          <TimeSlider
            ws={ws}
            at={at}
            onChange={setAt}
            earliest={actors.reduce(
              (m, a) => (a.createdAt < m ? a.createdAt : m),
              firstReading && firstReading < new Date().toISOString() ? firstReading : new Date().toISOString(),
            )}
          />
        )}
        <Legend view="grid" inline />
      </div>
      <svg
        ref={svg}
        width={size.width}
        height={size.height}
        className="grid-svg"
        xmlns="http://www.w3.org/2000/svg"
        onPointerMove={move}
        onPointerUp={up}
        role="group"
        aria-label="Power grid"
      >
        <rect x={0} y={0} width={size.width} height={size.height} fill="#ffffff" />
        {allyBands.map((b) => {
          const x = g.left + (b.from + 3) * g.cellWidth;
          const w = (b.to - b.from + 1) * g.cellWidth;
          return (
            <g key={b.label}>
              <rect x={x} y={g.top} width={w} height={gridBottom - g.top} fill={b.tone} />
              <text x={x + w / 2} y={g.top - 22} textAnchor="middle" className="band-label">
                {splitLabel(b.label).map((line, i) => (
                  <tspan key={i} x={x + w / 2} dy={i ? 13 : 0}>
                    {line}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
        {Array.from({ length: COLUMNS }, (_, i) => (
          <line key={`v${i}`} x1={g.left + i * g.cellWidth} x2={g.left + i * g.cellWidth} y1={g.top} y2={gridBottom} stroke="#d5d9e0" />
        ))}
        <line x1={gridRight} x2={gridRight} y1={g.top} y2={gridBottom} stroke="#d5d9e0" />
        {Array.from({ length: ROWS + 1 }, (_, i) => (
          <line key={`h${i}`} x1={g.left} x2={gridRight} y1={g.top + i * g.cellHeight} y2={g.top + i * g.cellHeight} stroke="#d5d9e0" />
        ))}
        {powerScale.map((p) => {
          const y = cellRect(g, ALIGNMENT_MIN, p).y + g.cellHeight / 2;
          return (
            <g key={p}>
              <text x={g.left - 12} y={y - 2} textAnchor="end" className="axis-value" data-power={p}>
                {p}
              </text>
              <text x={g.left - 12} y={y + 13} textAnchor="end" className="axis-label">
                {powerLabels[p]}
              </text>
            </g>
          );
        })}
        {alignmentAxis.map((al) => {
          const x = cellRect(g, al, POWER_MAX).x + g.cellWidth / 2;
          return (
            <g key={al}>
              <text x={x} y={gridBottom + 18} textAnchor="middle" className="axis-value" data-alignment={al}>
                {signed(al)}
              </text>
              <text x={x} y={gridBottom + 33} textAnchor="middle" className="axis-label">
                {splitLabel(alignmentLabels[al]!).map((line, i) => (
                  <tspan key={i} x={x} dy={i ? 13 : 0}>
                    {line}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
        <text
          x={14}
          y={g.top + (gridBottom - g.top) / 2}
          className="axis-title"
          transform={`rotate(-90 14 ${g.top + (gridBottom - g.top) / 2})`}
          textAnchor="middle"
        >
          Power over the decision ↑
        </text>
        <text x={g.left + (gridRight - g.left) / 2} y={gridBottom + 66} textAnchor="middle" className="axis-title">
          Alignment with our demand →
        </text>
        <g>
          <rect
            x={trayX}
            y={g.top}
            width={trayWidth}
            height={gridBottom - g.top}
            fill="#f6f7f9"
            stroke="#d5d9e0"
            strokeDasharray="4 3"
            rx={6}
          />
          <text x={trayX + trayWidth / 2} y={g.top - 9} textAnchor="middle" className="band-label">
            Not yet assessed{tray.length ? ` (${tray.length})` : ''}
          </text>
          {tray.length === 0 && (
            <text x={trayX + trayWidth / 2} y={g.top + 30} textAnchor="middle" className="axis-label">
              Everyone is placed
            </text>
          )}
          {trayShown.map((a, i) => a.id !== drag?.id && marker(a, trayAt(i).x, trayAt(i).y))}
          {tray.length > trayShown.length && (
            <text x={trayX + trayWidth / 2} y={trayAt(trayShown.length).y - 4} textAnchor="middle" className="axis-label tray-more">
              <tspan x={trayX + trayWidth / 2}>+{tray.length - trayShown.length} more:</tspan>
              <tspan x={trayX + trayWidth / 2} dy={13}>
                select one to bring it here
              </tspan>
            </text>
          )}
        </g>
        {placed.map((a) => {
          if (a.id === drag?.id) return null;
          const p = spots.get(a.id);
          return p ? marker(a, p.x, p.y) : null;
        })}
        {drag &&
          (() => {
            const a = doc.actors[drag.id];
            if (!a) return null;
            const r = readingAt(g, drag.x, drag.y);
            const cell = cellRect(g, r.alignment, r.power);
            return (
              <g>
                <rect x={cell.x} y={cell.y} width={cell.width} height={cell.height} fill="#2563eb" opacity={0.12} stroke="#2563eb" />
                {marker(a, drag.x, drag.y)}
              </g>
            );
          })()}
      </svg>
      {actors.length === 0 && (
        <div className="canvas-empty">
          <h2>No actors on this map yet</h2>
          <p>
            {readOnly
              ? 'Nobody has been put on this map yet.'
              : 'Add actors in the network view, then place them here by power and alignment.'}
          </p>
        </div>
      )}
    </div>
  );
}

/** Two lines for a label that would crowd its neighbours: "Actively with us" → "Actively", "with us". */
function splitLabel(label: string): string[] {
  const words = label.split(' ');
  if (words.length < 2) return [label];
  const half = Math.ceil(words.length / 2);
  return [words.slice(0, half).join(' '), words.slice(half).join(' ')];
}
